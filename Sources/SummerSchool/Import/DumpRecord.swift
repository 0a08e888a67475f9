import Foundation
import RegistrarCore

/// One element of the export: `{"model": "<app>.<model>", "pk": <int>, "fields": {...}}`.
struct DumpRecord: Decodable {
    let model: String
    let pk: Int
    let fields: [String: JSONValue]

    static func decode(_ bytes: Data, element: Int) throws -> DumpRecord {
        do {
            return try JSONDecoder().decode(DumpRecord.self, from: bytes)
        } catch {
            let preview = String(decoding: bytes.prefix(120), as: UTF8.self)
            throw ImportFailure("malformed export element \(element) (expected {model, pk, fields}): \(preview)")
        }
    }
}

/// Typed access to a record's fields. Every getter refuses with the model, pk and field named; the names read
/// are remembered so the fields nobody asked for can be reported as unknown.
struct RecordFields {
    let model: String
    let pk: Int
    private let fields: [String: JSONValue]
    private(set) var used: Set<String> = []

    init(_ record: DumpRecord) {
        model = record.model
        pk = record.pk
        fields = record.fields
    }

    var unknownFields: [String] { fields.keys.filter { !used.contains($0) }.sorted() }

    func refuse(_ field: String, _ reason: String) -> ImportFailure { .refused(model, pk, field, reason) }

    /// The value, nil when absent or null.
    mutating func value(_ name: String) -> JSONValue? {
        used.insert(name)
        guard let value = fields[name], value != .null else { return nil }
        return value
    }

    private mutating func required(_ name: String) throws -> JSONValue {
        guard let value = value(name) else { throw refuse(name, fields[name] == nil ? "missing" : "null is not allowed") }
        return value
    }

    // MARK: text

    mutating func string(_ name: String) throws -> String {
        let value = try required(name)
        return try text(value, name)
    }

    mutating func optionalString(_ name: String) throws -> String? {
        guard let value = value(name) else { return nil }
        return try text(value, name)
    }

    /// Nullable column that the original filled with `""` when unset (file fields, gender): `""` → null.
    mutating func blankAsNull(_ name: String) throws -> String? {
        guard let text = try optionalString(name), !text.isEmpty else { return nil }
        return text
    }

    private func text(_ value: JSONValue, _ name: String) throws -> String {
        guard case .string(let text) = value else { throw refuse(name, "expected text, got \(value.pythonTypeName)") }
        guard !text.contains("\0") else { throw refuse(name, "text contains a NUL character") }
        return text
    }

    // MARK: numbers and flags

    mutating func int(_ name: String) throws -> Int {
        let value = try required(name)
        return try integer(value, name)
    }

    mutating func optionalInt(_ name: String) throws -> Int? {
        guard let value = value(name) else { return nil }
        return try integer(value, name)
    }

    private func integer(_ value: JSONValue, _ name: String) throws -> Int {
        switch value {
        case .int(let number) where Int64(Int32.min)...Int64(Int32.max) ~= number: return Int(number)
        case .double(let number) where number.rounded() == number && abs(number) <= Double(Int32.max): return Int(number)
        default: throw refuse(name, "expected a 32-bit integer, got \(Self.show(value))")
        }
    }

    mutating func bool(_ name: String) throws -> Bool {
        let value = try required(name)
        switch value {
        case .bool(let flag): return flag
        case .int(0): return false
        case .int(1): return true
        default: throw refuse(name, "expected true or false, got \(Self.show(value))")
        }
    }

    /// Money: the float rounded half away from zero at two places, in cents.
    mutating func money(_ name: String) throws -> Int64 {
        let value = try required(name)
        return try cents(value, name)
    }

    mutating func optionalMoney(_ name: String) throws -> Int64? {
        guard let value = value(name) else { return nil }
        return try cents(value, name)
    }

    private func cents(_ value: JSONValue, _ name: String) throws -> Int64 {
        guard let text = ImportValues.numberText(value) else { throw refuse(name, "expected a number, got \(Self.show(value))") }
        switch Money.parse(text) {
        case .cents(let cents): return cents
        case .tooLarge: throw refuse(name, "\(text) does not fit decimal(12,2)")
        case .invalid: throw refuse(name, "\(text) is not a finite number")
        }
    }

    /// GPA (a double column): kept with two places, rounded like money.
    mutating func optionalTwoPlaces(_ name: String) throws -> Double? {
        guard let value = value(name) else { return nil }
        guard let text = ImportValues.numberText(value), let rounded = ImportValues.twoPlaces(text) else {
            throw refuse(name, "expected a number, got \(Self.show(value))")
        }
        return rounded
    }

    // MARK: time

    mutating func dateTime(_ name: String) throws -> Int64 {
        let value = try required(name)
        return try instant(value, name)
    }

    mutating func optionalDateTime(_ name: String) throws -> Int64? {
        guard let value = value(name) else { return nil }
        return try instant(value, name)
    }

    private func instant(_ value: JSONValue, _ name: String) throws -> Int64 {
        guard case .string(let text) = value, let micros = SummerTime.parseDateTime(text) else {
            throw refuse(name, "expected an ISO-8601 date-time, got \(Self.show(value))")
        }
        return micros
    }

    mutating func date(_ name: String) throws -> String {
        let value = try required(name)
        guard case .string(let text) = value, let date = SummerTime.parseDate(text) else {
            throw refuse(name, "expected a YYYY-MM-DD date, got \(Self.show(value))")
        }
        return date
    }

    // MARK: enums

    /// A key of `set`; `renamed` maps values the original wrote outside its own choices.
    mutating func choice(_ name: String, _ set: ChoiceSet, renamed: [String: String] = [:]) throws -> String {
        let key = try string(name)
        let stored = renamed[key] ?? key
        guard set.contains(stored) else {
            throw refuse(name, "\"\(key)\" is not one of \(set.items.map(\.key).joined(separator: ", "))")
        }
        return stored
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "\"\(text.prefix(60))\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
