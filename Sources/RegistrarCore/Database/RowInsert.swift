import SQLKit

extension SQLDatabase {
    /// The one way rows are inserted, in both APIs: an `Encodable` row whose camelCase property names are
    /// the columns in snake_case (`passwordHash` → `password_hash`), nil stored as NULL. Answers the new
    /// row's `columns` (`RETURNING`, which may rename: `user_id AS "user"`), decoded as `Returned`.
    public func insertRow<Row: Encodable & Sendable, Returned: Decodable>(
        _ row: Row, into table: String, returning columns: String, as type: Returned.Type
    ) async throws -> Returned {
        try await insert(into: table)
            .model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .returning(SQLQueryString(columns)).row(decoding: Returned.self)
    }

    /// Inserts `row` (see above) and answers its new ID.
    @discardableResult
    public func insertRow<Row: Encodable & Sendable>(_ row: Row, into table: String) async throws -> Int {
        try await insertRow(row, into: table, returning: "id", as: InsertedID.self).id
    }
}

private struct InsertedID: Decodable {
    let id: Int
}
