import SQLKit

extension SQLDatabase {
    /// Locks the rows of `table` matching `condition` until the transaction ends and returns the first, or
    /// nil when none matches.
    ///
    /// The lock is taken by an UPDATE that sets `column` to itself and changes nothing: the portable
    /// `SELECT … FOR UPDATE` (SQLite has none; its write transaction already serialises writers). A
    /// concurrent writer of the same row waits, then sees the committed state, so checks made on the row
    /// afterwards are never made against a stale copy on PostgreSQL. Call it inside a transaction.
    public func lockRow<Row: Decodable>(
        _ table: String, touching column: String, where condition: SQLQueryString, returning columns: String, as type: Row.Type
    ) async throws -> Row? {
        try await raw("""
            UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(unsafeRaw: column) WHERE \(condition) RETURNING \(unsafeRaw: columns)
            """).first(decoding: Row.self)
    }
}
