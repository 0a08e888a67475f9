import RegistrarCore

/// §2.3 `GET /admin/roler`: the fixed staff roles, ascending by code.
struct RoleRoutes: TutoringRouteModule {
    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/roler") { _, _ in Self.list() }
    }

    struct RoleItem: Encodable, Sendable {
        let code: Int
        let name: String
    }

    static func list() -> Envelope<[RoleItem]> {
        Success.data(StaffRole.allCases.map { RoleItem(code: $0.rawValue, name: $0.name) })
    }
}
