import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/student/score_info/{id}/` (back office §4 B): a student's transcript mailing address, read and
/// edited by staff. `{id}` is a user id; the user's newest address is the one shown and edited (DV-7,
/// decision 21). There is no list route.
struct ScoreInfoRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.item("/admin/student/score_info/{id}", access: .staff) { r in
            r.get(Self.show)
            r.put(Self.update)
            r.patch(Self.update)
        }
    }

    static let notFound = AppError(code: 404, msg: "未找到用户信息")

    /// The user of the path; a non-integer or unknown id is 404 `未找到用户信息`.
    static func userID(_ call: SummerCall, on sql: any SQLDatabase) async throws -> Int {
        struct Found: Decodable { let id: Int }
        guard let text = call.context.parameters.get("id"), let id = Int(text), id >= 1, id <= Int(Int32.max),
              try await sql.raw("SELECT id FROM summer_user WHERE id = \(bind: id)").first(decoding: Found.self) != nil
        else { throw notFound }
        return id
    }

    static func newest(userID: Int, on sql: any SQLDatabase) async throws -> ScoreInfo? {
        try await sql.raw("""
            SELECT \(unsafeRaw: ScoreInfo.columns) FROM summer_student_score_detail \
            WHERE user_id = \(bind: userID) ORDER BY id DESC LIMIT 1
            """).first(decoding: ScoreInfo.self)
    }

    @Sendable static func show(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try await userID(call, on: call.sql)
        return Reply.ok(try await newest(userID: userID, on: call.sql) ?? .empty(user: userID))
    }

    /// PUT and PATCH. `user` in the body is read-only and ignored (DV-7). A user without an address gets one
    /// (missing fields `''`).
    @Sendable static func update(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try await userID(call, on: call.sql)
        let fields = try ScoreInfoFields(try await call.bodyReader(call.writeMode))
        let saved = try await call.database.transaction { sql -> ScoreInfo? in
            // Locks the user row (a no-op update), so two first edits of one user cannot both insert a row.
            struct Locked: Decodable { let id: Int }
            guard try await sql.lockRow(
                "summer_user", touching: "is_active", where: "id = \(bind: userID)", returning: "id", as: Locked.self) != nil
            else { return nil }
            struct Current: Decodable { let id: Int }
            if let current = try await sql.raw("""
                SELECT id FROM summer_student_score_detail WHERE user_id = \(bind: userID) ORDER BY id DESC LIMIT 1
                """).first(decoding: Current.self) {
                return try await sql.patch("summer_student_score_detail", id: current.id)
                    .set("department", ifSent: fields.department)
                    .set("phone", ifSent: fields.phone)
                    .set("country", ifSent: fields.country)
                    .set("post_code", ifSent: fields.postCode)
                    .set("address", ifSent: fields.address)
                    .returning(SQLRaw(ScoreInfo.columns))
                    .first(decoding: ScoreInfo.self)
            }
            let address = NewScoreInfo(
                userId: userID, department: fields.department.value ?? "", phone: fields.phone.value ?? "",
                country: fields.country.value ?? "", postCode: fields.postCode.value ?? "", address: fields.address.value ?? "")
            return try await sql.insertRow(address, into: "summer_student_score_detail", returning: ScoreInfo.columns, as: ScoreInfo.self)
        }
        guard let saved else { throw notFound }
        return Reply.ok(saved)
    }
}
