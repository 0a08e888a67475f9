import FluentKit

/// `tutoring_appointment` (§3.6). `class_consumed` records the one class taken on the transition into 2.
struct CreateTutoringAppointment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_appointment")
            .field("id", .int, .identifier(auto: true))
            .field("student_id", .int, .required, .references("tutoring_student", "id"))
            .field("lesson_id", .int, .references("tutoring_lesson", "id"))
            .field("teacher_id", .int, .required, .references("tutoring_teacher", "id"))
            .field("subject", .string, .required)
            .field("trial_date", .string, .required)
            .field("trial_time", .string, .required)
            .field("location", .string, .required)
            .field("matcher_id", .int, .required, .references("tutoring_staff", "id"))
            .field("state", .int, .required)
            .field("state_info", .string, .required)
            .field("class_consumed", .bool, .required)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_appointment_student ON tutoring_appointment (student_id, deleted_at, id)",
            "CREATE INDEX IF NOT EXISTS tutoring_appointment_lesson ON tutoring_appointment (lesson_id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_appointment").delete()
    }
}
