import Foundation
import RegistrarCore

/// Number fields: 32-bit integers, floats, money in cents.
extension FieldReader {
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
}
