import FluentKit
import SQLKit

/// Projects, their course-count → fee tables, courses and course–project offerings (catalog spec §3.1).
/// Money is BIGINT cents; dates are `YYYY-MM-DD` text (sorts as dates on both databases).
struct CreateSummerCatalog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_project")
            .field("id", .int, .identifier(auto: true))
            .field("campus_id", .int, .required, .references("summer_campus", "id", onDelete: .cascade))
            .field("name", .string)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("address", .string)
            .field("info", .string)
            .field("create_time", .int64, .required)
            .field("apply_fee", .int64)  // cents; null counts as 0 in pricing (D10)
            .field("course_num", .int, .required)
            .field("is_active", .bool, .required)
            .create()

        try await database.schema("summer_project_course_fee")
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references("summer_project", "id", onDelete: .cascade))
            .field("course_number", .int, .required)
            .field("course_fee", .int64, .required)  // cents
            .create()

        try await database.schema("summer_course")
            .field("id", .int, .identifier(auto: true))
            .field("course_code", .string, .required)
            .field("name", .string, .required)
            .field("max_num", .int, .required)
            .field("credit", .int, .required)
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("is_active", .bool, .required)
            .create()

        try await database.schema("summer_course_project")
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references("summer_project", "id", onDelete: .cascade))
            .field("course_id", .int, .required, .references("summer_course", "id", onDelete: .cascade))
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("professor", .string, .required)
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("address", .string, .required)
            .create()

        try await database.sql.run([
            "CREATE INDEX summer_project_active ON summer_project (is_active, id)",
            "CREATE INDEX summer_project_campus ON summer_project (campus_id, is_active, id)",
            "CREATE UNIQUE INDEX summer_project_course_fee_number ON summer_project_course_fee (project_id, course_number)",
            "CREATE UNIQUE INDEX summer_course_code ON summer_course (course_code)",
            "CREATE INDEX summer_course_active ON summer_course (is_active, id)",
            "CREATE UNIQUE INDEX summer_course_project_pair ON summer_course_project (project_id, course_id)",
            "CREATE INDEX summer_course_project_course ON summer_course_project (course_id, project_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        for table in ["summer_course_project", "summer_course", "summer_project_course_fee", "summer_project"] {
            try await database.schema(table).delete()
        }
    }
}
