import RegistrarCore
import SQLKit

/// The writable fields of a course, validated in the contract's order (catalog spec S13). The code's
/// uniqueness is part of its field check, so it is reported before errors of later fields.
struct CourseFields: Sendable {
    static let codeTaken = FieldMessage.taken("课程代码")

    var courseCode: Field<String>
    var name: Field<String>
    var maxNum: Field<Int>
    var credit: Field<Int>

    /// `courseID` is the course being updated (its own code is not a clash).
    init(_ reader: FieldReader, courseID: Int?, on sql: any SQLDatabase) async throws {
        courseCode = try reader.string("course_code", max: 30)
        if let code = courseCode.value { try await Self.checkCodeFree(code, except: courseID, on: sql) }
        name = try reader.string("name", max: 255)
        maxNum = try reader.int("max_num", min: 0)  // D10
        credit = try reader.int("credit", min: 0)  // D10
    }

    /// Codes are unique across all courses, inactive ones included (S13).
    static func checkCodeFree(_ code: String, except id: Int?, on sql: any SQLDatabase) async throws {
        if try await sql.raw("""
            SELECT id FROM summer_course WHERE course_code = \(bind: code) AND id <> \(bind: id ?? 0) LIMIT 1
            """).first() != nil {
            throw AppError.field("course_code", codeTaken)
        }
    }
}
