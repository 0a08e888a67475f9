import Foundation
import RegistrarCore

/// Integer-typed fields (§1.7): `int a–b`, `uint`, `id`, `ref`, `enum`.
extension TutoringInput {
    public static let maxInt = 2_147_483_647

    /// `int a–b`. `nil` when absent, null or `""`.
    public func int(_ name: String, _ label: String, _ range: ClosedRange<Int>, _ presence: Presence = .optional) throws -> Int? {
        guard let value = try parsedInt(name, label) else {
            if presence == .required { throw empty(name, label) }
            return nil
        }
        guard range.contains(value) else { throw outOfRange(name, label) }
        return value
    }

    /// `uint`: 0–2147483647 (money, counts, level).
    public func uint(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> Int? {
        try int(name, label, 0...Self.maxInt, presence)
    }

    /// `id`: 1–2147483647, a target row or a required reference.
    public func id(_ name: String, _ label: String, _ presence: Presence = .required) throws -> Int? {
        try int(name, label, 1...Self.maxInt, presence)
    }

    /// `ref`: 0–2147483647, where 0 means none.
    public func ref(_ name: String, _ label: String) throws -> Int? {
        try int(name, label, 0...Self.maxInt, .optional)
    }

    /// `enum{…}`: one of `codes`, else `取值无效`.
    public func enumeration(_ name: String, _ label: String, _ codes: ClosedRange<Int>, _ presence: Presence = .optional) throws -> Int? {
        guard let value = try parsedInt(name, label) else {
            if presence == .required { throw empty(name, label) }
            return nil
        }
        guard codes.contains(value) else { throw invalid(name, label) }
        return value
    }

    /// Whether an integer field carries a value: not absent, null, or `""` (§1.6). Malformed values count
    /// as supplied, so that reading the field reports them.
    public func suppliesInteger(_ name: String) -> Bool {
        switch raw(name) {
        case nil: return false
        case .json(.string(let text)), .text(let text): return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: return true
        }
    }

    /// The integer of a JSON number with an integral value or a string of ASCII digits with an optional `-`.
    /// Integral values beyond 64 bits are out of range rather than malformed.
    func parsedInt(_ name: String, _ label: String) throws -> Int? {
        switch raw(name) {
        case nil:
            return nil
        case .json(.int(let value)):
            return Int(value)
        case .json(.double(let value)):
            guard value.isFinite, value == value.rounded() else { throw malformed(name, label) }
            guard let exact = Int(exactly: value) else { throw outOfRange(name, label) }
            return exact
        case .json(.string(let text)), .text(let text):
            return try integer(fromText: text, name, label)
        default:
            throw malformed(name, label)
        }
    }

    private func integer(fromText text: String, _ name: String, _ label: String) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }  // "" means absent for integers (§1.6)
        let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw malformed(name, label) }
        guard let value = Int(trimmed) else { throw outOfRange(name, label) }
        return value
    }
}
