import Foundation
import RegistrarCore

/// References to other rows by id.
extension FieldReader {
    /// The id of a related row; `exists` tells whether a row has that id. An empty string counts as null,
    /// as in DRF's related fields (`sales_man=` → `该字段不能为 null。` unless nullable).
    public func relatedID(
        _ name: String, required: Bool = true, nullable: Bool = false, exists: (Int) async throws -> Bool
    ) async throws -> Field<Int> {
        var raw = raw(name, nullable: nullable, required: required)
        switch raw {
        case .text(""), .json(.string("")): raw = .null
        default: break
        }
        if let settled: Field<Int> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        let shown: String
        switch raw {
        case .text(let text), .json(.string(let text)): shown = text
        case .json(.int(let value)): shown = String(value)
        case .json(.double(let value)): shown = Self.pythonText(value)
        case .json(let value): throw AppError.field(name, FieldMessage.notPrimaryKey(value.pythonTypeName))
        default: throw AppError.field(name, FieldMessage.notPrimaryKey("InMemoryUploadedFile"))
        }
        guard let id = Self.integer(of: raw) else {
            throw AppError.field(name, FieldMessage.notPrimaryKey("str"))
        }
        guard id >= Int64(Int32.min), id <= Int64(Int32.max), try await exists(Int(id)) else {
            throw AppError.field(name, FieldMessage.noSuchObject(shown))
        }
        return .value(Int(id))
    }
}
