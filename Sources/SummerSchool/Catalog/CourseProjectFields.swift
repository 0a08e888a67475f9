import SQLKit

/// The fields of a course–project link, validated in the contract's order (catalog spec S18). Any existing
/// course and project may be linked, active or not.
struct CourseProjectFields: Sendable {
    var course: Field<Int>
    var project: Field<Int>
    var professor: Field<String>
    var startTime: Field<String>
    var endTime: Field<String>
    var address: Field<String>

    init(_ reader: FieldReader, on sql: any SQLDatabase) async throws {
        course = try await reader.relatedRow("course", table: "summer_course", on: sql)
        project = try await reader.relatedRow("project", table: "summer_project", on: sql)
        professor = try reader.string("professor", max: 30)
        startTime = try reader.date("start_time")
        endTime = try reader.date("end_time")
        address = try reader.string("address", max: 100)
    }
}
