import FluentKit
import SQLKit

/// Indexes for the remaining filters of the order list (`currency`, `payment`, catalog spec O8), newest first.
struct CreateSummerOrderFilterIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.run([
            "CREATE INDEX summer_order_currency ON summer_order (currency, id)",
            "CREATE INDEX summer_order_payment_method ON summer_order (payment, id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql.run([
            "DROP INDEX summer_order_payment_method",
            "DROP INDEX summer_order_currency",
        ])
    }
}
