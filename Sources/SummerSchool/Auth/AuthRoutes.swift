/// `/auth/user/...` (identity spec §4).
enum AuthRoutes {
    static func register(_ routes: SummerRoutes) {
        UserListRoutes.register(routes)
        LoginRoutes.register(routes)
        WeChatSignIn.register(routes)
        ProfileRoutes.register(routes)
        PersonalFileRoutes.register(routes)
        CouponListRoutes.register(routes)
        ConsultantRoutes.register(routes)
        ScoreDetailRoutes.register(routes)
    }
}
