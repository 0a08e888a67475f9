import Hummingbird
import RegistrarCore
import SQLKit

/// `POST /coupon/user_coupon/` (identity spec §7.6): assigns a coupon to a student. ADMIN-only.
struct UserCouponRoutes: SummerRouteModule {
    static let notAStudent = "仅能为学生用户分配优惠券"
    static let alreadyAssigned = "已经为该用户分配过该优惠券，不能重复分配"
    static let exhausted = "优惠券已超过最大数量，不能为该用户新增优惠券"

    func register(_ routes: SummerRoutes) {
        routes.collection("/coupon/user_coupon", access: .admin) { r in
            r.post { call in try await Self.assign(call) }
        }
    }

    static func assign(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let reader = try await call.bodyReader(.create)
        let sql = call.sql
        let userID = try await reader.relatedRow("user", table: "summer_user", on: sql).required
        let couponID = try await reader.relatedRow("coupon", table: "summer_coupon", on: sql).required

        // The unique (user, coupon) index catches a concurrent duplicate.
        try await RegistrarDatabase.mappingConstraintViolation {
            try await call.database.transaction { sql in
                // The coupon row is locked, so concurrent assignments of one coupon run one after the other
                // and each counts the assignments committed before it.
                struct Limit: Decodable { let max_num: Int }
                guard let limit = try await sql.lockRow(
                    "summer_coupon", touching: "max_num", where: "id = \(bind: couponID)", returning: "max_num", as: Limit.self)
                else { throw AppError.field("coupon", FieldMessage.noSuchObject(String(couponID))) }

                struct Account: Decodable { let role: String }
                guard let account = try await sql.raw("SELECT role FROM summer_user WHERE id = \(bind: userID)")
                    .first(decoding: Account.self)
                else { throw AppError.field("user", FieldMessage.noSuchObject(String(userID))) }
                guard account.role == Role.student.rawValue else { throw AppError.rule(notAStudent) }

                if try await sql.raw("""
                    SELECT id FROM summer_user_coupon WHERE user_id = \(bind: userID) AND coupon_id = \(bind: couponID)
                    """).first() != nil {
                    throw AppError.rule(alreadyAssigned)
                }
                struct Count: Decodable { let count: Int }
                let taken = try await sql.raw("SELECT COUNT(*) AS count FROM summer_user_coupon WHERE coupon_id = \(bind: couponID)")
                    .first(decoding: Count.self)?.count ?? 0
                guard taken < limit.max_num else { throw AppError.rule(exhausted) }

                struct Assignment: Encodable, Sendable { let userId: Int; let couponId: Int; let status = "TO_USE" }
                try await sql.insertRow(Assignment(userId: userID, couponId: couponID), into: "summer_user_coupon")
            }
        } to: { AppError.rule(alreadyAssigned) }
        return Reply.message("操作成功")
    }
}
