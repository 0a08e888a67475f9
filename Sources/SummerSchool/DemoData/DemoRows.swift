import RegistrarCore
import SQLKit

/// Row helpers of the summer demo data: single inserts that return their id, and multi-row inserts in batches
/// (well below the bind limits of SQLite and PostgreSQL).
enum DemoRows {
    static let batchSize = 400

    private struct ID: Decodable { let id: Int }

    /// Inserts one row and returns its generated id.
    static func insert(_ table: String, _ values: [(String, any Encodable & Sendable)], on sql: any SQLDatabase) async throws -> Int {
        let builder = sql.insert(into: table).columns(values.map(\.0))
            .values(values.map { SQLBind($0.1) as any SQLExpression })
            .returning("id")
        return try await builder.first(decoding: ID.self)!.id
    }

    /// Inserts `rows` (each in `columns` order) in batches.
    static func insertAll(_ table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let builder = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + batchSize, rows.count)] {
                builder.values(row.map { SQLBind($0) as any SQLExpression })
            }
            try await builder.run()
            start += batchSize
        }
    }

    /// The largest id of `table` (0 when empty): generated rows with explicit ids start after it.
    static func maxID(_ table: String, on sql: any SQLDatabase) async throws -> Int {
        struct Max: Decodable { let id: Int? }
        return try await sql.raw("SELECT MAX(id) AS id FROM \(ident: table)").first(decoding: Max.self)?.id ?? 0
    }

    /// Explicit ids do not advance PostgreSQL's identity sequences: move them past the new rows.
    static func advanceSequences(_ tables: [String], on sql: any SQLDatabase, isSQLite: Bool) async throws {
        guard !isSQLite else { return }
        for table in tables {
            try await sql.raw("""
                SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), (SELECT COALESCE(MAX(id), 1) FROM \(ident: table)))
                """).run()
        }
    }
}
