/// `/admin/account_info/`, `/admin/child_user/`, `/admin/sales_man/` (identity spec §9): ADMIN-only.
enum AdminSettingsRoutes {
    static func register(_ routes: SummerRoutes) {
        AccountInfoRoutes.register(routes)
        ChildUserRoutes.register(routes)
        SalesManRoutes.register(routes)
    }
}
