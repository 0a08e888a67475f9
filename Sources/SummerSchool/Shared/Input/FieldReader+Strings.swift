import Foundation
import RegistrarCore

/// Text fields: strings, string lists, new passwords.
extension FieldReader {
    /// A trimmed string; `required` applies to create and PUT.
    public func string(
        _ name: String, required: Bool = true, nullable: Bool = false, allowBlank: Bool = false,
        max: Int? = nil, min: Int? = nil, email: Bool = false
    ) throws -> Field<String> {
        let raw = raw(name, nullable: nullable, required: required, allowBlank: allowBlank)
        if let settled: Field<String> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        let text = try Self.text(of: raw, field: name)
        return .value(try Self.checkString(text, field: name, allowBlank: allowBlank, max: max, min: min, email: email))
    }

    /// Text of a scalar string input: strings as sent, numbers converted, anything else refused.
    static func text(of raw: Raw, field: String) throws -> String {
        switch raw {
        case .text(let text): return text
        case .json(.string(let text)): return text
        case .json(.int(let number)): return String(number)
        case .json(.double(let number)): return pythonText(number)
        default: throw AppError.field(field, FieldMessage.notString)
        }
    }

    static func checkString(_ text: String, field: String, allowBlank: Bool, max: Int?, min: Int?, email: Bool) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if allowBlank { return "" }
            throw AppError.field(field, FieldMessage.blank)
        }
        // Lengths count code points, as the original (Python `len`) did, not grapheme clusters.
        let length = trimmed.unicodeScalars.count
        if let max, length > max { throw AppError.field(field, FieldMessage.maxLength(max)) }
        if let min, length < min { throw AppError.field(field, FieldMessage.minLength(min)) }
        // After the length checks, as DRF's validators run; PostgreSQL cannot store U+0000 in text at all.
        if trimmed.unicodeScalars.contains("\u{0}") { throw AppError.field(field, FieldMessage.nullCharacter) }
        if email, !isEmail(trimmed) { throw AppError.field(field, FieldMessage.email) }
        return trimmed
    }

    static func isEmail(_ text: String) -> Bool {
        text.range(of: #"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"#, options: .regularExpression) != nil
    }

    /// A list of strings (each item trimmed, not null, not blank); item errors carry the list's name.
    public func stringList(_ name: String, required: Bool = true, itemMax: Int? = nil) throws -> Field<[String]> {
        switch input[name] {
        case nil:
            if isForm && !mode.isPartial { return .value([]) }  // §11: omitted list = empty on create/PUT
            if required && !mode.isPartial { throw AppError.field(name, FieldMessage.required) }
            return .absent
        case .json(.null):
            throw AppError.field(name, FieldMessage.null)
        case .file:
            throw AppError.field(name, FieldMessage.notList("InMemoryUploadedFile"))
        case .text(let values):
            return .value(try values.map { try Self.checkString($0, field: name, allowBlank: false, max: itemMax, min: nil, email: false) })
        case .json(.array(let items)):
            return .value(try items.map { item in
                if item == .null { throw AppError.field(name, FieldMessage.null) }
                let text = try Self.text(of: .json(item), field: name)
                return try Self.checkString(text, field: name, allowBlank: false, max: itemMax, min: nil, email: false)
            })
        case .json(let other):
            throw AppError.field(name, FieldMessage.notList(other.pythonTypeName))
        }
    }

    /// A password being set (decision 41): 6–30 code points, no NUL, at most 72 UTF-8 bytes (bcrypt reads
    /// no further), each a field error on `name`.
    public func newPassword(_ name: String, required: Bool = true) throws -> Field<String> {
        let field = try string(name, required: required, max: 30, min: 6)
        if let value = field.value, let violation = PasswordRule.violation(of: value, length: 6...30) {
            throw AppError.field(name, FieldMessage.password(violation))
        }
        return field
    }
}
