import RegistrarCore
import SQLKit

/// The one way tutoring rows are inserted: an `Encodable` row whose camelCase property names are the
/// columns in snake_case (`passwordHash` → `password_hash`), nil stored as NULL, the new ID returned.
enum TutoringInsert {
    private struct Inserted: Decodable { let id: Int }

    @discardableResult
    static func row<Row: Encodable & Sendable>(_ row: Row, into table: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.insert(into: table)
            .model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .returning("id").row(decoding: Inserted.self).id
    }

    @discardableResult
    static func row<Row: Encodable & Sendable>(_ row: Row, into table: TutoringTable, on sql: any SQLDatabase) async throws -> Int {
        try await self.row(row, into: table.rawValue, on: sql)
    }
}
