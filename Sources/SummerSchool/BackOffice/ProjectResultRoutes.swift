import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/project_result/{user_id}/` (back office §4 F, decision 20): a student's credit transfer, for every
/// staff role. The record is the one named by `user_course_id` (query on GET, body on PUT/PATCH), else the
/// student's newest. There is no list route.
struct ProjectResultRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.item("/admin/project_result/{user_id}", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.read(call)) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
        }
    }

    static let userNotFound = AppError(code: 404, msg: "未找到用户信息")
    static let noRecord = AppError(code: 404, msg: "未找到选课记录")
    static let notTheirRecord = AppError(code: 404, msg: "未找到选课记录", fieldName: "user_course_id")

    /// F1.
    static func read(_ call: SummerCall) async throws -> ProjectResultItem {
        let userID = try await student(call)
        let row = try await record(of: userID, named: call.query(), on: call.sql)
        return ProjectResultItem(row, mediaURL: call.mediaURL)
    }

    /// F2: writes the given fields, `status` into `credit_switch_status`. SUCCESS and FAILURE need the
    /// student's uploaded proof, checked on the locked record.
    static func update(_ call: SummerCall) async throws -> ProjectResultItem {
        let userID = try await student(call)
        let body = try await call.body()
        let recordID = try await record(of: userID, named: body, on: call.sql).id
        let fields = try ProjectResultFields(FieldReader(body, mode: call.writeMode))
        let row = try await call.database.transaction { sql in
            struct Locked: Decodable { let switch_img: String? }
            guard let locked = try await sql.lockRow(
                "summer_user_course", touching: "modified_time", where: "id = \(bind: recordID) AND user_id = \(bind: userID)",
                returning: "switch_img", as: Locked.self)
            else { throw Self.noRecord }
            if fields.needsProof, (locked.switch_img ?? "").isEmpty { throw ProjectResultFields.proofMissing }
            try await sql.patch("summer_user_course", id: recordID)
                .set("modified_time", to: SQLBind(SummerTime.now()))
                .set("post_datetime", ifSent: fields.postDatetime)
                .set("post_channel", ifSent: fields.postChannel)
                .set("post_number", ifSent: fields.postNumber)
                .set("credit_switch_status", ifSent: fields.status)
                .run()
            return try await ProjectResultRow.find(recordID, userID: userID, on: sql)
        }
        guard let row else { throw Self.noRecord }
        return ProjectResultItem(row, mediaURL: call.mediaURL)
    }

    /// The `{user_id}` of the path: an existing user, else 404 `未找到用户信息` (a non-integer too, DV-4).
    static func student(_ call: SummerCall) async throws -> Int {
        guard let text = call.context.parameters.get("user_id"), let id = Int(text),
              id >= Int(Int32.min), id <= Int(Int32.max), try await rowExists("summer_user", id: id, on: call.sql)
        else { throw userNotFound }
        return id
    }

    /// Decision 20: the record `user_course_id` names (404 on that field unless it is one of the student's),
    /// or, when it is absent, empty or null, the newest (404 when the student has none).
    static func record(of userID: Int, named input: RequestInput, on sql: any SQLDatabase) async throws -> ProjectResultRow {
        let raw = FieldReader(input, mode: .patch).raw("user_course_id", nullable: true, required: false)
        switch raw {
        case .absent, .null, .json(.string("")):
            guard let row = try await ProjectResultRow.newest(userID: userID, on: sql) else { throw noRecord }
            return row
        default:
            guard let id = FieldReader.integer(of: raw), id >= Int64(Int32.min), id <= Int64(Int32.max),
                  let row = try await ProjectResultRow.find(Int(id), userID: userID, on: sql)
            else { throw notTheirRecord }
            return row
        }
    }
}
