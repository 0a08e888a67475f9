import Foundation
import RegistrarCore

/// Booleans and enumeration keys.
extension FieldReader {
    /// A boolean; omitted from a form on create/PUT counts as false (§11).
    public func bool(_ name: String, required: Bool = false) throws -> Field<Bool> {
        if input[name] == nil, isForm, !mode.isPartial { return .value(false) }
        // DRF: an optional boolean sent as `""` in a form is skipped (left unchanged).
        if !required, case .text(let values)? = input[name], values.last?.isEmpty ?? true { return .absent }
        let raw = raw(name, nullable: false, required: required, allowBlank: true)
        if let settled: Field<Bool> = try presence(name, raw, required: required, nullable: false) { return settled }
        switch raw {
        case .json(.bool(let value)): return .value(value)
        case .json(.int(1)): return .value(true)
        case .json(.int(0)): return .value(false)
        case .json(.double(1)): return .value(true)
        case .json(.double(0)): return .value(false)
        case .json(.string(let text)), .text(let text):
            if ["t", "y", "yes", "true", "on", "1"].contains(text.lowercased()) { return .value(true) }
            if ["f", "n", "no", "false", "off", "0"].contains(text.lowercased()) { return .value(false) }
            throw AppError.field(name, FieldMessage.notBool(text))
        case .json(let value): throw AppError.field(name, FieldMessage.notBool(Self.display(value)))
        default: throw AppError.field(name, FieldMessage.notBool(""))
        }
    }

    /// An enumeration key, sent as the key or as `{"key": …}` (§10.2, D20). `excluded` keys are refused
    /// like unknown ones.
    public func choice(
        _ name: String, _ set: ChoiceSet, required: Bool = true, nullable: Bool = false, excluded: Set<String> = []
    ) throws -> Field<String> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<String> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        let sent: String
        var key: String?
        switch raw {
        case .text(let text): sent = text; key = text
        case .json(.string(let text)): sent = text; key = text
        case .json(.object(let members)):
            if case .string(let text)? = members["key"] { key = text; sent = text } else {
                sent = members["key"].map(Self.display) ?? Self.display(.object(members))
            }
        case .json(let value): sent = Self.display(value)
        default: sent = ""
        }
        guard let key, set.contains(key), !excluded.contains(key) else {
            throw AppError.field(name, FieldMessage.invalidChoice(sent))
        }
        return .value(key)
    }
}
