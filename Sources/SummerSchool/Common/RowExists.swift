import RegistrarCore
import SQLKit

/// Whether `table` has a row with `id` (related-object fields of my modules validate with it).
func rowExists(_ table: String, id: Int, on sql: any SQLDatabase) async throws -> Bool {
    try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first() != nil
}

extension FieldReader {
    /// The id of a row of `table` (a required, non-nullable relation).
    func relatedRow(_ name: String, table: String, on sql: any SQLDatabase) async throws -> Field<Int> {
        try await relatedID(name) { try await rowExists(table, id: $0, on: sql) }
    }
}
