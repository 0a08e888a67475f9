import FluentKit
import SQLKit

/// The admin console's navigation tree, created with its content (identity spec §1.8, §6; decision 30).
struct CreateSummerNavigation: AsyncMigration {
    static let tree: [(id: Int, name: String, key: String, children: [(id: Int, name: String, key: String)])] = [
        (1, "咨询中心", "CONSULTATON_CENTER", [(1, "学生列表", "STUDENT_LIST")]),
        (2, "财务中心", "FINANCIAL_CENTER", [(2, "首页", "INDEX_PAGE")]),
        (3, "产品中心", "PRODUCT_CENTER", [
            (3, "首页", "INDEX_PAGE"), (4, "学生管理", "SUTDENT_MANAGEMENT"), (5, "课程管理", "COURSE_MANAGEMENT"),
            (6, "暑校类型管理", "CAMPUS_TYPE_MANAGEMENT"), (7, "暑校国家管理", "CAMPUS_COUNTRY_MANAGEMENT"),
            (8, "校区管理", "CAMPUS_MANAGEMENT"), (9, "项目管理", "PROJECT_MANAGEMENT"),
            (10, "销售顾问", "SALES_MAN_MANAGEMENT"), (11, "优惠券", "COUPON_MANAGEMENT"),
        ]),
        (4, "市场", "MARKET_CENTER", [(12, "渠道管理", "CHANNEL_MANAGEMENT")]),
        (5, "系统中心", "SYSTEM_CENTER", [(13, "账户管理", "BANK_ACCOUNT_MANAGEMENT"), (14, "用户管理", "CHILD_USER_MANAGEMENT")]),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("summer_common_first_level")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("key", .string, .required)
            .field("rank", .int)
            .create()
        try await database.schema("summer_common_second_level")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("key", .string, .required)
            .field("pre_id", .int, .required, .references("summer_common_first_level", "id", onDelete: .cascade))
            .field("rank", .int)
            .create()

        let sql = database.sql
        try await sql.raw("CREATE INDEX IF NOT EXISTS summer_second_level_pre ON summer_common_second_level (pre_id, id)").run()
        for first in Self.tree {
            try await sql.raw("""
                INSERT INTO summer_common_first_level (id, name, "key") VALUES (\(bind: first.id), \(bind: first.name), \(bind: first.key))
                """).run()
            for second in first.children {
                try await sql.raw("""
                    INSERT INTO summer_common_second_level (id, name, "key", pre_id) \
                    VALUES (\(bind: second.id), \(bind: second.name), \(bind: second.key), \(bind: first.id))
                    """).run()
            }
        }
        // Explicit ids bypass PostgreSQL's sequences: move them past the seeded rows.
        if !(sql.dialect.name == "sqlite") {
            try await sql.raw("SELECT setval(pg_get_serial_sequence('summer_common_first_level', 'id'), 5)").run()
            try await sql.raw("SELECT setval(pg_get_serial_sequence('summer_common_second_level', 'id'), 14)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_common_second_level").delete()
        try await database.schema("summer_common_first_level").delete()
    }
}
