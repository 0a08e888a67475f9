import FluentKit

/// `tutoring_fellowup` (§3.5).
struct CreateTutoringFellowup: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_fellowup")
            .field("id", .int, .identifier(auto: true))
            .field("student_id", .int, .required, .references("tutoring_student", "id"))
            .field("staff_id", .int, .required, .references("tutoring_staff", "id"))
            .field("content", .string, .required)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_fellowup_student ON tutoring_fellowup (student_id, deleted_at, id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_fellowup").delete()
    }
}
