import Hummingbird
import RegistrarCore
import SQLKit

/// `GET /auth/user/{id}/coupon_list/` — the caller's usable coupons (identity §4.7); `{id}` is ignored.
/// It stays in Auth: its URL is under `/auth/user/` with the caller's other views (`/coupon/` is ADMIN-only).
struct CouponListRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.item("/auth/user/{id}/coupon_list") { r in r.get(Self.list) }
    }

    struct Row: Decodable {
        let id: Int
        let coupon_code: String
        let amount: Int64
        let info: String
        let start_time: Int64
        let end_time: Int64
    }

    struct Item: Encodable, Sendable {
        let id: Int
        let coupon_code: String
        let amount: Money
        let info: String
        let start_time: Instant
        let end_time: Instant
    }

    @Sendable static func list(_ call: SummerCall) async throws -> some ResponseGenerator {
        let rows = try await call.sql.raw("""
            SELECT c.id, c.coupon_code, c.amount, c.info, c.start_time, c.end_time FROM summer_user_coupon uc \
            JOIN summer_coupon c ON c.id = uc.coupon_id \
            WHERE uc.user_id = \(bind: call.caller.id) AND uc.status = \(bind: "TO_USE") ORDER BY c.id
            """).all(decoding: Row.self)
        return Reply.ok(rows.map {
            Item(id: $0.id, coupon_code: $0.coupon_code, amount: Money(cents: $0.amount), info: $0.info,
                 start_time: Instant($0.start_time), end_time: Instant($0.end_time))
        })
    }
}
