import FluentKit
import RegistrarCore
import SQLKit

/// Buffers rows per table and writes them as multi-row INSERTs, parents before children. A batch the database
/// refuses is rolled back to its savepoint and replayed row by row, so the message names the refused record.
final class BatchWriter {
    private let sql: any SQLDatabase
    private var buffers: [ImportTable: [ImportRow]] = [:]
    private(set) var written: [String: Int] = [:]

    init(sql: any SQLDatabase) { self.sql = sql }

    /// Rows per INSERT: SQLite binds at most 32,766 values per statement, PostgreSQL 65,535.
    static func batchSize(_ table: ImportTable) -> Int { max(1, min(1000, 30_000 / table.columns.count)) }

    func add(_ rows: [ImportRow]) async throws {
        var full = false
        for row in rows {
            buffers[row.table, default: []].append(row)
            if buffers[row.table]!.count >= Self.batchSize(row.table) { full = true }
        }
        if full { try await flush() }
    }

    /// Writes every buffered row, in table order.
    func flush() async throws {
        for table in ImportTable.all {
            guard let rows = buffers[table], !rows.isEmpty else { continue }
            buffers[table] = []
            try await write(rows, into: table)
        }
    }

    private func write(_ rows: [ImportRow], into table: ImportTable) async throws {
        if table == .user { try await checkUsernames(rows) }
        try await sql.raw("SAVEPOINT import_batch").run()
        do {
            try await insert(rows, into: table)
            try await sql.raw("RELEASE SAVEPOINT import_batch").run()
        } catch {
            try await sql.raw("ROLLBACK TO SAVEPOINT import_batch").run()
            try await pinpoint(rows, into: table, batchError: error)
        }
        written[table.name, default: 0] += rows.count
    }

    private func insert(_ rows: [ImportRow], into table: ImportTable) async throws {
        let builder = sql.insert(into: table.name).columns(table.columns)
        for row in rows { builder.values(row.values) }
        try await builder.run()
    }

    /// Replays a refused batch one row at a time and refuses the first row the database refuses.
    private func pinpoint(_ rows: [ImportRow], into table: ImportTable, batchError: any Error) async throws {
        for row in rows {
            try await sql.raw("SAVEPOINT import_row").run()
            do {
                try await insert([row], into: table)
                try await sql.raw("RELEASE SAVEPOINT import_row").run()
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT import_row").run()
                throw try await describe(row, error: error)
            }
        }
        throw ImportFailure("the database refused a batch of \(table.name): \(String(reflecting: batchError))")
    }

    /// Names the unique key a refused row collides on, and the row holding it.
    private func describe(_ row: ImportRow, error: any Error) async throws -> ImportFailure {
        struct Found: Decodable { let found: Int }
        for key in row.table.uniqueKeys {
            let values = key.columns.map { row.values[row.table.columns.firstIndex(of: $0)!] }
            let holder = row.table.hasID ? "id" : key.columns[0]
            var query = SQLQueryString("SELECT \(ident: holder) AS found FROM \(ident: row.table.name) WHERE ")
            for (index, (column, value)) in zip(key.columns, values).enumerated() {
                if index > 0 { query.appendLiteral(" AND ") }
                query.appendInterpolation(ident: column)
                query.appendLiteral(" = ")
                query.appendInterpolation(bind: value)
            }
            if let found = try await sql.raw(query).first(decoding: Found.self) {
                let field = row.field ?? key.field
                let other = row.table.hasID ? "the same value as pk \(found.found)" : "the same id twice"
                return .refused(row.model, row.pk, field, "\(other) (must be unique)")
            }
        }
        return .refused(row.model, row.pk, row.field ?? "pk", "the database refused the row: \(String(reflecting: error))")
    }

    /// Decision 7: usernames are unique whatever their letter case. Refused with both pks named.
    private func checkUsernames(_ rows: [ImportRow]) async throws {
        let column = ImportTable.user.columns.firstIndex(of: "username")!
        var seen: [String: Int] = [:]
        for row in rows {
            let key = (row.values[column] as! String).lowercased()
            if let other = seen[key] {
                throw ImportFailure.refused(row.model, row.pk, "username", "collides case-insensitively with pk \(other)")
            }
            seen[key] = row.pk
        }
        struct Holder: Decodable {
            let id: Int
            let username: String
        }
        let keys: [any Encodable & Sendable] = Array(seen.keys)
        let holders = try await sql.raw("""
            SELECT id, username FROM summer_user WHERE LOWER(username) IN (\(binds: keys))
            """).all(decoding: Holder.self)
        if let holder = holders.min(by: { $0.id < $1.id }), let pk = seen[holder.username.lowercased()] {
            throw ImportFailure.refused("authentication.user", pk, "username", "collides case-insensitively with pk \(holder.id)")
        }
    }
}
