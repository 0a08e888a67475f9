import FluentKit

/// Partial indexes of live order and lesson IDs: PostgreSQL pages the unfiltered order/list and lesson/list
/// with an index-only scan of them (it prefers the primary key, with a heap filter, over (deleted_at, id)).
struct IndexLiveOrdersAndLessons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SchemaIndex.create([
            "CREATE INDEX IF NOT EXISTS tutoring_orders_live_id ON tutoring_orders (id) WHERE deleted_at IS NULL",
            "CREATE INDEX IF NOT EXISTS tutoring_lesson_live_id ON tutoring_lesson (id) WHERE deleted_at IS NULL",
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SchemaIndex.drop(["tutoring_orders_live_id", "tutoring_lesson_live_id"], on: database)
    }
}
