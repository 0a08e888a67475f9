import FluentKit
import SQLKit

/// Campuses (catalog spec §3.1; read by `/common/campus/`). Name uniqueness is checked by the API.
struct CreateSummerCampus: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_campus")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("info", .string, .required)
            .field("network_course", .bool, .required)
            .field("create_time", .int64, .required)
            .field("is_active", .bool, .required)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_campus_active ON summer_campus (is_active, id)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_campus_name_lower ON summer_campus (LOWER(name))").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_campus").delete()
    }
}
