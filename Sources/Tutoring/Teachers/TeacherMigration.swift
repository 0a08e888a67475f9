import FluentKit

/// `tutoring_teacher` (§3.7): live phones are unique through a partial unique index.
struct CreateTutoringTeacher: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_teacher")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("sex", .string, .required)
            .field("age", .int, .required)
            .field("photo", .string, .required)
            .field("teach_age", .int, .required)
            .field("subject", .string, .required)
            .field("post_school", .string, .required)
            .field("grade", .string, .required)
            .field("address", .string, .required)
            .field("hometown", .string, .required)
            .field("class_type", .string, .required)
            .field("preprice", .int, .required)
            .field("free_time", .string, .required)
            .field("zone", .string, .required)
            .field("org", .string, .required)
            .field("teach_intro", .string, .required)
            .field("info_from", .string, .required)
            .field("contact_id", .int, .required, .references("tutoring_staff", "id"))
            .field("recommend_teacher", .string, .required)
            .field("assessment", .string, .required)
            .field("state", .int, .required)
            .field("reviewer_id", .int, .references("tutoring_staff", "id"))
            .field("review_time", .int64)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE UNIQUE INDEX IF NOT EXISTS tutoring_teacher_live_phone ON tutoring_teacher (phone) WHERE deleted_at IS NULL",
            "CREATE INDEX IF NOT EXISTS tutoring_teacher_live ON tutoring_teacher (deleted_at, id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_teacher").delete()
    }
}
