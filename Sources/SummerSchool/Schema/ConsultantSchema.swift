import FluentKit
import SQLKit

/// Sales consultants and the student ↔ consultant link (identity spec §1.6–1.7).
struct CreateSummerConsultants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_sales_man")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("wechat", .string, .required)
            .field("email", .string, .required)
            .field("qr_code", .string, .required)  // relative media path, "" = no image
            .create()

        try await database.schema("summer_sales_man_user")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("sales_man_id", .int, .required, .references("summer_sales_man", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("create_time", .int64, .required)
            .field("remark", .string)
            .create()

        let sql = database.sql
        // One consultant per student: concurrent auto-assignments cannot both insert a link.
        try await sql.raw("CREATE UNIQUE INDEX IF NOT EXISTS summer_sales_man_user_user ON summer_sales_man_user (user_id)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_sales_man_user_sales_man ON summer_sales_man_user (sales_man_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_sales_man_user").delete()
        try await database.schema("summer_sales_man").delete()
    }
}
