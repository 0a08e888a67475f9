import Foundation
import RegistrarCore

/// How a write treats absent fields: create (POST) and replace (PUT) enforce required fields, patch doesn't.
public enum WriteMode: Sendable, Equatable {
    case create, replace, patch

    public var isPartial: Bool { self == .patch }
}

/// A validated input field: absent (left untouched), explicitly null, or a value.
public enum Field<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)

    public var isPresent: Bool { if case .absent = self { return false } else { return true } }

    /// The value; nil when absent or null.
    public var value: Value? { if case .value(let v) = self { return v } else { return nil } }

    /// The same field with its value converted (e.g. a list to the text it is stored as).
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> Field<T> {
        switch self {
        case .absent: return .absent
        case .null: return .null
        case .value(let v): return .value(try transform(v))
        }
    }
}

/// Reads and validates named inputs with Django REST Framework semantics and the exact messages of
/// conventions §4.3 (decisions 3/32). Call the readers in the endpoint's field order: the first failing
/// field throws, so it is the one reported (§4.2).
///
/// Form and multipart bodies follow the quirks of §11: the last value of a repeated key; on create/PUT an
/// omitted boolean is false and an omitted list is empty; `""` means null for nullable fields and
/// "absent" for optional ones. A required field sent as `""` is validated even on PATCH (DRF's
/// `required` does not depend on the write mode), so `name=` gets `该字段不能为空。`.
public struct FieldReader: Sendable {
    public let input: RequestInput
    public let mode: WriteMode

    public init(_ input: RequestInput, mode: WriteMode) {
        self.input = input
        self.mode = mode
    }

    var isForm: Bool { input.source == .form || input.source == .multipart || input.source == .query }

    /// What the client sent for `name`, before type conversion.
    enum Raw {
        case absent, null
        case json(JSONValue)
        case text(String)
        case file
    }

    func raw(_ name: String, nullable: Bool, required: Bool, allowBlank: Bool = false) -> Raw {
        switch input[name] {
        case nil: return .absent
        case .json(.null): return .null
        case .json(let value): return .json(value)
        case .file: return .file
        case .text(let values):
            let text = values.last ?? ""
            if text.isEmpty, !allowBlank {
                if nullable { return .null }
                if !required { return .absent }
            }
            return .text(text)
        }
    }

    /// Required/null handling shared by every reader; nil means "the caller has a value to convert".
    func presence<T>(_ name: String, _ raw: Raw, required: Bool, nullable: Bool) throws -> Field<T>? {
        switch raw {
        case .absent:
            if required && !mode.isPartial { throw AppError.field(name, FieldMessage.required) }
            return .absent
        case .null:
            if !nullable { throw AppError.field(name, FieldMessage.null) }
            return .null
        default:
            return nil
        }
    }

    // MARK: Strings

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

    // MARK: Numbers

    /// A 32-bit integer (D22), optionally with a minimum.
    public func int(_ name: String, required: Bool = true, nullable: Bool = false, min: Int? = nil) throws -> Field<Int> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<Int> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        guard let number = Self.integer(of: raw) else { throw AppError.field(name, FieldMessage.notInteger) }
        if number > Int64(Int32.max) { throw AppError.field(name, FieldMessage.maxValue(Int(Int32.max))) }
        if number < Int64(Int32.min) { throw AppError.field(name, FieldMessage.minValue(Int(Int32.min))) }
        if let min, number < Int64(min) { throw AppError.field(name, FieldMessage.minValue(min)) }
        return .value(Int(number))
    }

    /// Integer conversion of DRF: integers, integral floats, and numeric strings (`"2.0"` = 2).
    static func integer(of raw: Raw) -> Int64? {
        switch raw {
        case .json(.int(let value)): return value
        case .json(.double(let value)):
            guard value.isFinite, value == value.rounded(), abs(value) < 9.2e18 else { return nil }
            return Int64(value)
        case .json(.string(let text)), .text(let text):
            // Scanned, never matched with a pattern (see `NumberText`): `1.000` = 1, `+5` = 5.
            var trimmed = text.trimmingCharacters(in: .whitespaces)
            if let dot = trimmed.lastIndex(of: "."), trimmed[trimmed.index(after: dot)...].allSatisfy({ $0 == "0" }) {
                trimmed.removeSubrange(dot...)
            }
            if trimmed.hasPrefix("+") { trimmed.removeFirst() }
            guard NumberText.isInteger(trimmed) else { return nil }
            return Int64(trimmed) ?? (trimmed.hasPrefix("-") ? Int64.min : Int64.max)
        default: return nil
        }
    }

    /// A finite floating-point number (D21).
    public func double(_ name: String, required: Bool = true, nullable: Bool = false) throws -> Field<Double> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<Double> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        let number: Double?
        switch raw {
        case .json(.int(let value)): number = Double(value)
        case .json(.double(let value)): number = value
        case .json(.string(let text)), .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            number = NumberText.isDecimal(trimmed) ? Double(trimmed) : nil
        default: number = nil
        }
        guard let number, number.isFinite else { throw AppError.field(name, FieldMessage.notNumber) }
        return .value(number)
    }

    /// Money in cents, rounded half-up to 2 decimals (D27), optionally with a minimum (in cents).
    public func money(_ name: String, required: Bool = true, minCents: Int64? = nil) throws -> Field<Int64> {
        let raw = raw(name, nullable: false, required: required)
        if let settled: Field<Int64> = try presence(name, raw, required: required, nullable: false) { return settled }
        let text: String
        switch raw {
        case .json(.int(let value)): text = String(value)
        case .json(.double(let value)) where value.isFinite: text = String(value)  // shortest text: 1.005 stays 1.005
        case .json(.string(let value)), .text(let value): text = value
        default: throw AppError.field(name, FieldMessage.notNumber)
        }
        switch Money.parse(text) {
        case .invalid: throw AppError.field(name, FieldMessage.notNumber)
        case .tooLarge: throw AppError.field(name, FieldMessage.moneyDigits)
        case .cents(let cents):
            if let minCents, cents < minCents {
                throw AppError.field(name, FieldMessage.minValue(Int(minCents / 100)))
            }
            return .value(cents)
        }
    }

    // MARK: Booleans and choices

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

    // MARK: Related objects

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

    // MARK: Dates

    /// An instant (§10.2; naive = Asia/Shanghai), as microseconds since the epoch.
    public func dateTime(_ name: String, required: Bool = true, nullable: Bool = false) throws -> Field<Int64> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<Int64> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        switch raw {
        case .text(let text), .json(.string(let text)):
            guard let micros = SummerTime.parseDateTime(text) else { throw AppError.field(name, FieldMessage.dateTime) }
            return .value(micros)
        default: throw AppError.field(name, FieldMessage.dateTime)
        }
    }

    /// A calendar date, normalised to `YYYY-MM-DD`.
    public func date(_ name: String, required: Bool = true, nullable: Bool = false) throws -> Field<String> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<String> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        switch raw {
        case .text(let text), .json(.string(let text)):
            guard let date = SummerTime.parseDate(text) else { throw AppError.field(name, FieldMessage.date) }
            return .value(date)
        default: throw AppError.field(name, FieldMessage.date)
        }
    }

    // MARK: Rendering inputs in messages

    /// Python's `str()` of a float: `2.0`, `1.5`, `1e+20`.
    static func pythonText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e16 { return String(format: "%.1f", value) }
        return String(value)
    }

    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let v): return v ? "True" : "False"
        case .int(let v): return String(v)
        case .double(let v): return pythonText(v)
        case .string(let v): return v
        case .array, .object:
            return (try? JSONBody.encode(value)).map { String(buffer: $0) } ?? ""
        }
    }
}
