import SQLKit

/// Whether `table` has a row with `id` (related-object fields of my modules validate with it).
func rowExists(_ table: String, id: Int, on sql: any SQLDatabase) async throws -> Bool {
    try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first() != nil
}
