import FluentKit
import SQLKit

/// Promotion channels and the WeChat users they brought (identity spec §1.11–1.12).
struct CreateSummerMarket: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_market_channel")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("plan_date", .string, .required)  // YYYY-MM-DD
            .field("sales_man_id", .int, .required, .references("summer_sales_man", "id", onDelete: .cascade))
            .field("plan_student_number", .int, .required)
            .field("plan_file_student_number", .int, .required)
            .field("plan_payed_student_number", .int, .required)
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("qr_code", .string)
            .unique(on: "name")
            .create()

        try await database.schema("summer_user_channel")
            .field("id", .int, .identifier(auto: true))
            .field("openid", .string, .required)
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("channel_id", .int, .required, .references("summer_market_channel", "id", onDelete: .cascade))
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .create()

        let sql = database.sql
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_market_channel_sales_man ON summer_market_channel (sales_man_id)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_user_channel_openid ON summer_user_channel (openid)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_user_channel_user ON summer_user_channel (user_id)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_user_channel_channel ON summer_user_channel (channel_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_user_channel").delete()
        try await database.schema("summer_market_channel").delete()
    }
}
