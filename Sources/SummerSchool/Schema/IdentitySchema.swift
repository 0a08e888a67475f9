import FluentKit
import SQLKit

/// Accounts, tickets, student profiles, remarks and transcript mailing addresses (identity spec §1.1–1.5).
/// Datetimes are BIGINT microseconds since the epoch (UTC).
struct CreateSummerIdentity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_user")
            .field("id", .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("password", .string)
            .field("name", .string)
            .field("role", .string, .required)
            .field("is_active", .bool, .required)
            .field("is_superuser", .bool, .required)
            .field("last_login", .int64)
            .field("create_time", .int64, .required)
            .field("qr_code", .string)
            .create()

        try await database.schema("summer_ticket")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("ticket", .string, .required)
            .field("create_time", .int64, .required)
            .field("expired_time", .int64, .required)
            .unique(on: "ticket")
            .create()

        try await database.schema("summer_student_info")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("wechat", .string, .required)
            .field("cschool", .string, .required)
            .field("wcampus", .string, .required)
            .field("create_time", .int64, .required)
            .field("webid", .string)
            .field("unionid", .string)
            .field("openid", .string)
            .field("headimgurl", .string)
            .field("wx_name", .string)
            .field("first_name", .string)
            .field("last_name", .string)
            .field("phone", .string, .required)
            .field("gender", .string)
            .field("id_number", .string)
            .field("major", .string)
            .field("graduate_year", .string)
            .field("gpa", .double)
            .field("valid_sales_man", .bool, .required)
            .field("channel_id", .int)
            .field("recommand_user_id", .int)
            .unique(on: "user_id")  // D24: one profile per user
            .unique(on: "unionid")
            .unique(on: "openid")
            .unique(on: "id_number")
            .create()

        try await database.schema("summer_user_info_remark")
            .field("id", .int, .identifier(auto: true))
            .field("user_info_id", .int, .required, .references("summer_student_info", "id", onDelete: .cascade))
            .field("remark", .string, .required)
            .field("create_time", .int64, .required)
            .create()

        try await database.schema("summer_student_score_detail")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("department", .string, .required)
            .field("phone", .string, .required)
            .field("country", .string, .required)
            .field("post_code", .string, .required)
            .field("address", .string, .required)
            .create()

        let sql = database.sql
        for statement in [
            // Decisions 7/33: usernames are stored as entered and unique exactly; staff usernames are also
            // unique case-insensitively. WeChat students (username = openid, which is case-sensitive) are not,
            // so two openids differing only in case stay two students.
            "CREATE UNIQUE INDEX IF NOT EXISTS summer_user_username ON summer_user (username)",
            "CREATE UNIQUE INDEX IF NOT EXISTS summer_user_staff_username_lower ON summer_user (LOWER(username)) WHERE role <> 'STUDENT'",
            "CREATE INDEX IF NOT EXISTS summer_user_username_lower ON summer_user (LOWER(username))",
            "CREATE INDEX IF NOT EXISTS summer_user_role ON summer_user (role, id)",
            "CREATE INDEX IF NOT EXISTS summer_ticket_user ON summer_ticket (user_id, expired_time)",
            "CREATE INDEX IF NOT EXISTS summer_student_info_name ON summer_student_info (name)",
            "CREATE INDEX IF NOT EXISTS summer_student_info_channel ON summer_student_info (channel_id)",
            "CREATE INDEX IF NOT EXISTS summer_user_info_remark_info ON summer_user_info_remark (user_info_id, id)",
            "CREATE INDEX IF NOT EXISTS summer_score_detail_user ON summer_student_score_detail (user_id, id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["summer_student_score_detail", "summer_user_info_remark", "summer_student_info", "summer_ticket", "summer_user"] {
            try await database.schema(table).delete()
        }
    }
}
