import FluentKit
import SQLKit

/// Cart items, orders with their cart-item and coupon links (D7: link tables instead of JSON text), payment
/// proofs, the order history (back office §3.8) and course selections (catalog spec §3.1 `user_course`).
/// Money is BIGINT cents, datetimes BIGINT microseconds (UTC), dates `YYYY-MM-DD` text.
struct CreateSummerOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_shopping_chart")
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references("summer_project", "id", onDelete: .cascade))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("course_num", .int, .required)
            .field("course_fee", .int64, .required)  // cents, snapshot of the fee row
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("status", .string, .required)
            .field("stu_score_detail_id", .int, .required,
                   .references("summer_student_score_detail", "id", onDelete: .cascade))
            .create()

        try await database.schema("summer_order")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("currency", .string, .required)
            .field("payment", .string, .required)
            .field("status", .string, .required)
            .field("standard_fee", .int64, .required)  // cents
            .field("pay_fee", .int64, .required)  // cents
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("remark", .string)
            .create()

        // `chart_ids` of the contract: the cart items an order was made of.
        try await database.schema("summer_order_chart")
            .field("order_id", .int, .required, .references("summer_order", "id", onDelete: .cascade))
            .field("chart_id", .int, .required, .references("summer_shopping_chart", "id", onDelete: .cascade))
            .compositeIdentifier(over: "order_id", "chart_id")
            .create()

        // `coupon_list` of the contract: coupon ids (not user_coupon ids) the order used.
        try await database.schema("summer_order_coupon")
            .field("order_id", .int, .required, .references("summer_order", "id", onDelete: .cascade))
            .field("coupon_id", .int, .required, .references("summer_coupon", "id", onDelete: .cascade))
            .compositeIdentifier(over: "order_id", "coupon_id")
            .create()

        try await database.schema("summer_order_payment")
            .field("id", .int, .identifier(auto: true))
            .field("order_id", .int, .required, .references("summer_order", "id", onDelete: .cascade))
            .field("amount", .int64, .required)  // cents
            .field("account_number", .string, .required)
            .field("account_name", .string, .required)
            .field("opening_bank", .string)
            .field("pay_date", .string, .required)
            .field("img", .string, .required)
            .field("create_time", .int64, .required)
            .create()

        try await database.schema("summer_order_operate_history")
            .field("id", .int, .identifier(auto: true))
            .field("operator_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("create_time", .int64, .required)
            .field("remark", .string, .required)
            .field("source_id", .int, .required, .references("summer_order", "id", onDelete: .cascade))
            .create()

        try await database.schema("summer_user_course")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("summer_user", "id", onDelete: .cascade))
            .field("course_id", .int, .required, .references("summer_course", "id", onDelete: .cascade))
            .field("order_id", .int, .required, .references("summer_order", "id", onDelete: .cascade))
            .field("project_id", .int, .required, .references("summer_project", "id", onDelete: .cascade))
            .field("create_time", .int64, .required)
            .field("modified_time", .int64, .required)
            .field("score", .int, .required)
            .field("score_grade", .string)
            .field("reporting_time", .int64)
            .field("confirm_img", .string)
            .field("status", .string, .required)
            .field("post_datetime", .int64)
            .field("post_channel", .string)
            .field("post_number", .string)
            .field("credit_switch_status", .string, .required)
            .field("switch_img", .string)
            .create()

        try await database.sql.run([
            "CREATE INDEX summer_shopping_chart_user ON summer_shopping_chart (user_id, status, id)",
            "CREATE INDEX summer_shopping_chart_project ON summer_shopping_chart (project_id)",
            "CREATE INDEX summer_order_user ON summer_order (user_id, status, id)",
            "CREATE INDEX summer_order_status ON summer_order (status, id)",
            "CREATE INDEX summer_order_create_time ON summer_order (create_time, id)",
            "CREATE INDEX summer_order_chart_chart ON summer_order_chart (chart_id, order_id)",
            "CREATE INDEX summer_order_coupon_coupon ON summer_order_coupon (coupon_id)",
            "CREATE INDEX summer_order_payment_order ON summer_order_payment (order_id, id)",
            "CREATE INDEX summer_order_history_order ON summer_order_operate_history (source_id, id)",
            // D7: one selection of a course per (student, order, project).
            "CREATE UNIQUE INDEX summer_user_course_key ON summer_user_course (user_id, order_id, project_id, course_id)",
            // Capacity is counted per offering (decision 18).
            "CREATE INDEX summer_user_course_offering ON summer_user_course (project_id, course_id)",
            "CREATE INDEX summer_user_course_order ON summer_user_course (order_id, project_id)",
            "CREATE INDEX summer_user_course_course ON summer_user_course (course_id, id)",
            "CREATE INDEX summer_user_course_status ON summer_user_course (status, id)",
        ])
    }

    func revert(on database: any Database) async throws {
        for table in [
            "summer_user_course", "summer_order_operate_history", "summer_order_payment", "summer_order_coupon",
            "summer_order_chart", "summer_order", "summer_shopping_chart",
        ] {
            try await database.schema(table).delete()
        }
    }
}
