import FluentKit

/// `tutoring_student` (§3.4).
struct CreateTutoringStudent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_student")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("school", .string, .required)
            .field("grade", .string, .required)
            .field("address", .string, .required)
            .field("parent", .string, .required)
            .field("parent_phone", .string, .required)
            .field("headmaster_id", .int, .references("tutoring_staff", "id"))
            .field("channel", .string, .required)
            .field("developer_id", .int, .references("tutoring_staff", "id"))
            .field("level", .int, .required)
            .field("state", .int, .required)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_student_live ON tutoring_student (deleted_at, id)",
            "CREATE INDEX IF NOT EXISTS tutoring_student_live_state ON tutoring_student (deleted_at, state, id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_student").delete()
    }
}
