import FluentKit

/// `tutoring_lesson` (§3.9). Dates are TEXT `YYYY-MM-DD`, NULL when not set.
struct CreateTutoringLesson: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_lesson")
            .field("id", .int, .identifier(auto: true))
            .field("order_id", .int, .required, .references("tutoring_orders", "id"))
            .field("student_id", .int, .required, .references("tutoring_student", "id"))
            .field("teacher_id", .int, .required, .references("tutoring_teacher", "id"))
            .field("subject", .string, .required)
            .field("all_class", .int, .required)
            .field("consumed_class", .int, .required)
            .field("week_class", .int, .required)
            .field("first_class_date", .string)
            .field("start_date", .string)
            .field("end_date", .string)
            .field("address", .string, .required)
            .field("class_type", .string, .required)
            .field("target", .string, .required)
            .field("parent_demand", .string, .required)
            .field("student_demand", .string, .required)
            .field("program", .string, .required)
            .field("preprice", .int, .required)
            .field("state", .int, .required)
            .field("state_info", .string, .required)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_lesson_order ON tutoring_lesson (order_id, deleted_at, id)",
            "CREATE INDEX IF NOT EXISTS tutoring_lesson_student ON tutoring_lesson (student_id, deleted_at, id)",
            "CREATE INDEX IF NOT EXISTS tutoring_lesson_live ON tutoring_lesson (deleted_at, id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_lesson").delete()
    }
}
