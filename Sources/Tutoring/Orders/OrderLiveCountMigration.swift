import FluentKit
import RegistrarCore
import SQLKit

/// Trigger-kept live-row counts of orders and lessons (`LiveCounts`): the unfiltered order/list and
/// lesson/list read their `total` from one row instead of counting the table on every request.
struct CountLiveOrdersAndLessons: AsyncMigration {
    static let tables = ["tutoring_orders", "tutoring_lesson"]

    func prepare(on database: any Database) async throws {
        for table in Self.tables { try await LiveCounts.install(on: table, database.sql) }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables { try await LiveCounts.uninstall(from: table, database.sql) }
    }
}
