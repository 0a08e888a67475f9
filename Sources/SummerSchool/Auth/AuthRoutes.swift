/// `/auth/user/...` (identity spec §4).
enum AuthRoutes {
    static func register(_ routes: SummerRoutes) {
    }
}
