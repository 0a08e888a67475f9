import SQLKit

/// The course of back office §4 G: `{id, course_code, name, credit}`.
struct AdminCourseItem: Codable, Sendable {
    let id: Int
    let course_code: String
    let name: String
    let credit: Int

    static let columns = "id, course_code, name, credit"

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> AdminCourseItem? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM summer_course WHERE id = \(bind: id)")
            .first(decoding: AdminCourseItem.self)
    }
}
