import FluentKit
import SQLKit

extension FluentKit.Database {
    /// The SQL interface of a migration's database. Both drivers Registrar uses (SQLite, PostgreSQL) are SQL
    /// databases, so this cast cannot fail for a database Registrar opened.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { preconditionFailure("Registrar databases are SQL databases") }
        return sql
    }
}

extension SQLDatabase {
    /// Runs schema statements (indexes, triggers) in order; each is fixed text written in a migration.
    public func run(_ statements: [String]) async throws {
        for statement in statements { try await raw(SQLQueryString(statement)).run() }
    }
}
