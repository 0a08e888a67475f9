import RegistrarCore
import SQLKit

/// Whether `table` has a row with `id` (related-object fields of my modules validate with it).
func rowExists(_ table: String, id: Int, on sql: any SQLDatabase) async throws -> Bool {
    try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first() != nil
}

extension FieldReader {
    /// The id of a row of `table` (a required, non-nullable relation). An empty string counts as null, as in
    /// DRF's related fields, so `sales_man=` in a form or `"sales_man": ""` gets `该字段不能为 null。`.
    func relatedRow(_ name: String, table: String, on sql: any SQLDatabase) async throws -> Field<Int> {
        switch input[name] {
        case .json(.string(""))?: throw AppError.field(name, FieldMessage.null)
        case .text(let values)? where (values.last ?? "").isEmpty: throw AppError.field(name, FieldMessage.null)
        default: return try await relatedID(name) { try await rowExists(table, id: $0, on: sql) }
        }
    }
}
