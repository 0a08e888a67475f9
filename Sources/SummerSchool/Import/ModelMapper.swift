/// Turns the records of one export model into rows of Registrar tables; the record's pk becomes the id of a
/// row of `table`.
struct ModelMapper: Sendable {
    let label: String
    let table: ImportTable
    let map: @Sendable (inout RecordFields, inout MapContext) throws -> [ImportRow]
}

/// The export's models (import.md §3): those imported, and those read but deliberately not imported.
enum ModelMappers {
    static let all: [String: ModelMapper] = Dictionary(
        uniqueKeysWithValues: (identity + consultants + catalog + coupons + market + orders).map { ($0.label, $0) })

    /// Known models that are not imported, with the reason given in the report.
    static let skipped: [String: String] = [
        "authentication.ticket": "sign-in tickets expire within a day; everyone signs in again",
        "common.firstlevel": "Registrar keeps its own navigation tree",
        "common.secondlevel": "Registrar keeps its own navigation tree",
    ]
}
