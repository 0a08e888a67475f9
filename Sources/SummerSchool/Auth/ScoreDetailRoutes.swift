import Hummingbird
import RegistrarCore
import SQLKit

/// Transcript mailing addresses of the caller: `GET|POST /auth/user/score_detail/` and
/// `GET /auth/user/score_detail/{id}/` (identity §4.16–4.18, D8, D9).
struct ScoreDetailRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/auth/user/score_detail") { r in
            r.get(Self.list)
            r.post(Self.create)
        }
        routes.item("/auth/user/score_detail/{id}") { r in r.get(Self.latest) }
    }

    struct Record: Codable, Sendable {
        let id: Int
        let user: Int
        let department: String
        let phone: String
        let country: String
        let post_code: String
        let address: String
    }

    static let columns = #"id, user_id AS "user", department, phone, country, post_code, address"#
    static let select = "SELECT \(columns) FROM summer_student_score_detail"

    /// A record as `POST /auth/user/score_detail/` creates it.
    struct NewScoreDetail: Encodable, Sendable {
        let userId: Int
        let department: String
        let phone: String
        let country: String
        let postCode: String
        let address: String
    }

    @Sendable static func list(_ call: SummerCall) async throws -> some ResponseGenerator {
        let rows = try await call.sql.raw("\(unsafeRaw: select) WHERE user_id = \(bind: call.caller.id) ORDER BY id")
            .all(decoding: Record.self)
        return Reply.ok(rows)
    }

    @Sendable static func latest(_ call: SummerCall) async throws -> some ResponseGenerator {
        guard let row = try await call.sql.raw("\(unsafeRaw: select) WHERE user_id = \(bind: call.caller.id) ORDER BY id DESC LIMIT 1")
            .first(decoding: Record.self)
        else { throw AppError.check("暂未找到该用户的成绩单详情，请先创建。") }
        return Reply.ok(row)
    }

    @Sendable static func create(_ call: SummerCall) async throws -> some ResponseGenerator {
        let input = try await call.bodyReader(.create)
        let department = try input.string("department", max: 30).required
        let phone = try input.string("phone", max: 30).required
        let country = try input.string("country", max: 30).required
        let postCode = try input.string("post_code", max: 30).required
        let address = try input.string("address", max: 60).required
        let userID = call.caller.id
        let record = try await call.database.transaction { sql in
            let detail = NewScoreDetail(
                userId: userID, department: department, phone: phone, country: country, postCode: postCode, address: address)
            return try await sql.insertRow(
                detail, into: "summer_student_score_detail",
                returning: columns, as: Record.self)
        }
        return Reply.ok(record)
    }
}
