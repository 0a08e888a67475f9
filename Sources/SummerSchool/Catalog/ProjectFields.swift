import RegistrarCore
import SQLKit

/// The writable fields of a project, validated in the contract's order (catalog spec S7, S9).
struct ProjectFields: Sendable {
    var campus: Field<Int>
    var name: Field<String>
    var startDate: Field<String>
    var endDate: Field<String>
    var address: Field<String>
    var info: Field<String>
    var applyFee: Field<Int64>
    var courseNum: Field<Int>
    /// Validated fee table; nil when absent or (on update) empty, i.e. the table stays as it is.
    var fees: [ProjectFee]?

    init(_ reader: FieldReader, on sql: any SQLDatabase) async throws {
        campus = try await reader.relatedRow("campus", table: "summer_campus", on: sql)
        name = try reader.string("name", required: false, nullable: true, max: 30)
        startDate = try reader.date("start_date")
        endDate = try reader.date("end_date")
        address = try reader.string("address", required: false, nullable: true, max: 100)
        info = try reader.string("info", required: false, nullable: true, max: 255)
        applyFee = try reader.nullableMoney("apply_fee", minCents: 0)  // D10
        courseNum = try reader.int("course_num", min: 0)  // D10
        let items = try ProjectFees.read(reader, required: true)
        // Create needs a table; on update an empty list leaves the table unchanged (S9).
        if let items, !items.isEmpty || reader.mode == .create { fees = try ProjectFees.validate(items) }
    }
}

extension FieldReader {
    /// An optional money field that may be null (`apply_fee`); a form's `""` is null.
    func nullableMoney(_ name: String, minCents: Int64) throws -> Field<Int64> {
        switch input[name] {
        case .json(.null)?: return .null
        case .text(let values)? where (values.last ?? "").isEmpty: return .null
        default: return try money(name, required: false, minCents: minCents)
        }
    }
}
