import RegistrarCore
import SQLKit

/// The writable fields of a course in the back office, in the contract's order (G3); `max_num`, `is_active`
/// and the rest are ignored here.
struct AdminCourseFields: Sendable {
    /// Decision 32: `{字段标签}已存在`.
    static let codeTaken = FieldMessage.taken("课程代码")

    var courseCode: Field<String>
    var name: Field<String>
    var credit: Field<Int>

    /// `courseID` is the course being edited (its own code is not a clash).
    init(_ reader: FieldReader, courseID: Int, on sql: any SQLDatabase) async throws {
        courseCode = try reader.string("course_code", max: 30)
        if let code = courseCode.value, try await Self.codeTaken(code, excluding: courseID, on: sql) {
            throw AppError.field("course_code", Self.codeTaken)
        }
        name = try reader.string("name", max: 255)
        credit = try reader.int("credit")
    }

    static func codeTaken(_ code: String, excluding id: Int, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT id FROM summer_course WHERE course_code = \(bind: code) AND id <> \(bind: id)").first() != nil
    }
}
