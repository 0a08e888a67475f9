import FluentKit

/// `tutoring_orders` (§3.8; `order` is a reserved word).
struct CreateTutoringOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tutoring_orders")
            .field("id", .int, .identifier(auto: true))
            .field("student_id", .int, .required, .references("tutoring_student", "id"))
            .field("pay_method", .string, .required)
            .field("amount", .int, .required)
            .field("saler_id", .int, .required, .references("tutoring_staff", "id"))
            .field("state", .int, .required)
            .field("confirmed_by", .int, .references("tutoring_staff", "id"))
            .field("confirm_time", .int64)
            .timestampsAndSoftDelete()
            .create()
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_orders_live ON tutoring_orders (deleted_at, id)",
            "CREATE INDEX IF NOT EXISTS tutoring_orders_student ON tutoring_orders (student_id, deleted_at)",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tutoring_orders").delete()
    }
}
