import FluentKit

/// `tutoring_staff` (§3.1): live names and phones are unique through partial unique indexes.
struct CreateTutoringStaff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_staff")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .int, .required)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE UNIQUE INDEX IF NOT EXISTS tutoring_staff_live_name ON tutoring_staff (name) WHERE deleted_at IS NULL",
            "CREATE UNIQUE INDEX IF NOT EXISTS tutoring_staff_live_phone ON tutoring_staff (phone) WHERE deleted_at IS NULL",
            "CREATE INDEX IF NOT EXISTS tutoring_staff_live_role ON tutoring_staff (deleted_at, role, id)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_staff").delete()
    }
}

/// `tutoring_session` (§3.2) and `tutoring_login_failure` (§3.3).
struct CreateTutoringSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_session")
            .field("id", .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("staff_id", .int, .required, .references("tutoring_staff", "id"))
            .field("create_time", .int64, .required)
            .field("last_seen_time", .int64, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("tutoring_login_failure")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("time", .int64, .required)
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_session_staff ON tutoring_session (staff_id)",
            "CREATE INDEX IF NOT EXISTS tutoring_login_failure_name_time ON tutoring_login_failure (name, time)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_login_failure").delete()
        try await database.schema("tutoring_session").delete()
    }
}
