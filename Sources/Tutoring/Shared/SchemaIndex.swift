import FluentKit
import SQLKit

/// Index DDL shared by the tutoring migrations: plain `CREATE INDEX IF NOT EXISTS` statements, which read
/// the same on SQLite and PostgreSQL (partial indexes included).
enum SchemaIndex {
    static func create(_ statements: [String], on database: any Database) async throws {
        let sql = database.sql
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }

    static func drop(_ names: [String], on database: any Database) async throws {
        let sql = database.sql
        for name in names { try await sql.raw(SQLQueryString("DROP INDEX IF EXISTS \(unsafeRaw: name)")).run() }
    }
}
