import RegistrarCore

/// A value bound into an insert.
typealias ImportCell = any Encodable & Sendable

/// One row to insert, with the export record it came from (for messages).
struct ImportRow {
    let table: ImportTable
    let values: [ImportCell]
    let model: String
    let pk: Int
    /// The export field the row stands for when it is not the record itself (a link row of `chart_ids`).
    let field: String?

    init(_ table: ImportTable, _ fields: RecordFields, field: String? = nil, _ values: [ImportCell]) {
        precondition(values.count == table.columns.count, "\(table.name): \(values.count) values for \(table.columns.count) columns")
        self.table = table
        self.values = values
        self.model = fields.model
        self.pk = fields.pk
        self.field = field
    }
}

/// What a mapper may consult and note while it turns records into rows.
struct MapContext {
    private var ids: [String: IDSet] = [:]
    /// Image paths met in the rows, checked against `--media-from` when given.
    var media: MediaCheck?

    /// Records the pk of a new row of `table`; refuses a pk seen twice or outside the `int` range.
    mutating func claim(_ fields: RecordFields, in table: ImportTable) throws {
        guard fields.pk > 0, fields.pk <= Int(Int32.max) else { throw fields.refuse("pk", "ids are integers from 1 to \(Int32.max)") }
        guard ids[table.name, default: IDSet()].insert(fields.pk) else {
            throw fields.refuse("pk", "a second \(fields.model) row with this pk")
        }
    }

    func has(_ id: Int, in table: ImportTable) -> Bool { ids[table.name]?.contains(id) ?? false }

    /// A foreign key: the field's id must be a row of `table` imported before this one.
    func reference(_ fields: inout RecordFields, _ name: String, _ table: ImportTable, label: String) throws -> Int {
        let id = try fields.int(name)
        guard has(id, in: table) else { throw fields.refuse(name, "\(label) \(id) is not in the export (or comes after this row)") }
        return id
    }

    /// Soft references set to 0 (the original's "none"), per field, for the report.
    private(set) var zeroReferences: [String: Int] = [:]

    /// A plain-integer reference that is not a foreign key: 0 becomes null here; an id naming no row is
    /// cleared once every row is in (`OriginalImport.clearSoftReferences`).
    mutating func softReference(_ fields: inout RecordFields, _ name: String) throws -> Int? {
        guard let id = try fields.optionalInt(name) else { return nil }
        guard id != 0 else {
            zeroReferences[name, default: 0] += 1
            return nil
        }
        return id
    }

    /// An image path: noted for the media check.
    mutating func image(_ path: String?, _ fields: RecordFields, _ name: String) {
        guard let path, !path.isEmpty else { return }
        media?.check(path, model: fields.model, pk: fields.pk, field: name)
    }
}
