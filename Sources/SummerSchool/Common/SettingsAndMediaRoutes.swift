/// Registers the routes of the common, coupon, market, admin-settings and media modules.
enum SettingsAndMediaRoutes {
    static func register(_ routes: SummerRoutes) {
        CommonRoutes.register(routes)
        CouponRoutes.register(routes)
        UserCouponRoutes.register(routes)
        ChannelRoutes.register(routes)
        AdminSettingsRoutes.register(routes)
        MediaRoutes(store: MediaStore(root: routes.app.settings.mediaRoot)).register(on: routes.router)
    }
}
