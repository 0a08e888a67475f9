import FluentKit
import RegistrarCore
import SQLKit

/// Trigger-kept live-row counts per bucket of IDs (`LiveBuckets`) for the two unfiltered lists that page
/// deep: student/list and order/list read a page far down as fast as the first one.
struct BucketLiveStudentsAndOrders: AsyncMigration {
    static let tables = ["tutoring_student", "tutoring_orders"]

    func prepare(on database: any Database) async throws {
        for table in Self.tables { try await LiveBuckets.install(on: table, database.sql) }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables { try await LiveBuckets.uninstall(from: table, database.sql) }
    }
}
