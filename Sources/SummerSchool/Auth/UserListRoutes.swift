import Hummingbird
import RegistrarCore
import SQLKit

/// `GET /auth/user/` — every account, ADMIN-only (identity §4.1, D7).
struct UserListRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/auth/user", access: .admin) { r in r.get(Self.list) }
    }

    struct Row: Decodable {
        let id: Int
        let create_time: Int64
        let name: String?
        let last_login: Int64?
        let username: String
        let is_superuser: Bool
        let role: String
        let qr_code: String?
    }

    struct Item: Encodable, Sendable {
        let id: Int
        let create_time: Instant
        @Nullable var name: String?
        let last_login: Instant
        let username: String
        let is_superuser: Bool
        let role: String
        @Nullable var qr_code: String?
    }

    @Sendable static func list(_ call: SummerCall) async throws -> some ResponseGenerator {
        let query = PagedQuery(
            filter: { $0.from("summer_user") },
            select: {
                $0.columns("id", "create_time", "name", "last_login", "username", "is_superuser", "role", "qr_code")
                    .orderBy("id", .ascending)
            })
        let page = try await call.page(query, decoding: Row.self) { rows in
            rows.map {
                Item(id: $0.id, create_time: Instant($0.create_time), name: $0.name, last_login: Instant($0.last_login),
                     username: $0.username, is_superuser: $0.is_superuser, role: $0.role, qr_code: $0.qr_code)
            }
        }
        return Reply.ok(page)
    }
}
