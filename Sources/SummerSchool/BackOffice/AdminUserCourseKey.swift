import RegistrarCore
import SQLKit

/// The course record named by (user, course, order) in the bodies of `add_score` and `confirm_course`
/// (back office E3/E4), and its lookup.
struct AdminUserCourseKey: Sendable {
    let user: Int
    let course: Int
    let order: Int

    /// The three ids, in the contract's field order, each an existing row.
    init(_ reader: FieldReader, on sql: any SQLDatabase) async throws {
        user = try await reader.relatedRow("user", table: "summer_user", on: sql).requiredValue("user")
        course = try await reader.relatedRow("course", table: "summer_course", on: sql).requiredValue("course")
        order = try await reader.relatedRow("order", table: "summer_order", on: sql).requiredValue("order")
    }

    static let notFound = AppError(code: 404, msg: "未找到选课记录")

    /// Locks the matching record and returns its id and review status; no record → 404 `未找到选课记录`.
    /// Two records match only when one order holds two projects offering the course; the older one is used.
    func lock(on sql: any SQLDatabase) async throws -> (id: Int, status: String) {
        struct Locked: Decodable { let id: Int; let status: String }
        // A no-op update takes the row lock on both databases, and returns the state current after the wait.
        let locked = try await sql.lockRow("summer_user_course", touching: "modified_time", where: """
            id = (SELECT MIN(id) FROM summer_user_course \
            WHERE user_id = \(bind: user) AND course_id = \(bind: course) AND order_id = \(bind: order))
            """, returning: "id, status", as: Locked.self)
        guard let locked else { throw Self.notFound }
        return (locked.id, locked.status)
    }
}
