import FluentKit
import SQLKit

/// Coupons and their assignments to students (identity spec §1.9–1.10). Money is BIGINT cents (D27).
struct CreateSummerCoupons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_coupon")
            .field("id", .int, .identifier(auto: true))
            .field("coupon_code", .string, .required)
            .field("amount", .int64, .required)  // cents
            .field("info", .string, .required)
            .field("create_time", .int64, .required)
            .field("start_time", .int64, .required)
            .field("end_time", .int64, .required)
            .field("max_num", .int, .required)
            .field("is_active", .bool, .required)
            .create()

        try await database.schema("summer_user_coupon")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("coupon_id", .int, .required, .references("summer_coupon", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .create()

        let sql = database.sql
        for statement in [
            "CREATE INDEX IF NOT EXISTS summer_coupon_code ON summer_coupon (coupon_code)",
            // (user, coupon) is unique by validation; the index makes concurrent assignments safe too.
            "CREATE UNIQUE INDEX IF NOT EXISTS summer_user_coupon_pair ON summer_user_coupon (user_id, coupon_id)",
            "CREATE INDEX IF NOT EXISTS summer_user_coupon_coupon ON summer_user_coupon (coupon_id, status)",
            "CREATE INDEX IF NOT EXISTS summer_user_coupon_user_status ON summer_user_coupon (user_id, status, coupon_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_user_coupon").delete()
        try await database.schema("summer_coupon").delete()
    }
}
