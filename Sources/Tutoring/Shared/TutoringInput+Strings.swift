import Foundation
import RegistrarCore

/// String-typed fields (§1.7): trimmed (except passwords), lengths in Unicode code points.
extension TutoringInput {
    /// `name`: 1–30 characters when required; optional `""` means not set.
    public func name(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> String? {
        try text(name, label, max: 30, presence)
    }

    /// `text` (max 500) or `text2000` (max 2000).
    public func text(_ name: String, _ label: String, max: Int = 500, _ presence: Presence = .optional) throws -> String? {
        guard let value = try presentString(name, label, presence) else { return nil }
        guard value.unicodeScalars.count <= max else { throw tooLong(name, label, max) }
        return value
    }

    /// `subject`: a string, or a JSON number stored as its decimal text; otherwise as `text`.
    public func subject(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> String? {
        guard let value = try presentString(name, label, presence, acceptsNumbers: true) else { return nil }
        guard value.unicodeScalars.count <= 500 else { throw tooLong(name, label, 500) }
        return value
    }

    /// `phone`: `^1[3-9][0-9]{9}$`; optional `""` means not set.
    public func phone(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> String? {
        guard let value = try presentString(name, label, presence) else { return nil }
        if value.isEmpty { return value }
        guard Self.isPhone(value) else { throw malformed(name, label) }
        return value
    }

    /// `sex`: `男`, `女` or `""`.
    public func sex(_ name: String, _ label: String) throws -> String? {
        guard let value = try presentString(name, label, .optional) else { return nil }
        guard ["男", "女", ""].contains(value) else { throw invalid(name, label) }
        return value
    }

    /// `password`: not trimmed; 6–30 characters in U+0021–U+007E.
    public func password(_ name: String, _ label: String) throws -> String {
        let value = try secret(name, label)
        // The password rule shared by both APIs (code points, no NUL, at most 72 bytes), then this API's
        // character set; every violation reads as the contract's password message.
        switch PasswordRule.violation(of: value, length: 6...30) {
        case .tooManyBytes?: throw fail(name, PasswordRule.tooManyBytesMessage)
        case .some: throw fail(name, Self.passwordRuleMessage)
        case nil: break
        }
        guard Self.isValidPassword(value) else { throw fail(name, Self.passwordRuleMessage) }
        return value
    }

    /// `secret`: not trimmed; non-empty, nothing else checked.
    public func secret(_ name: String, _ label: String) throws -> String {
        switch raw(name) {
        case nil: throw empty(name, label)
        case .json(.string(let text)), .text(let text):
            if text.isEmpty { throw empty(name, label) }
            return text
        default: throw malformed(name, label)
        }
    }

    /// `date` (§1.9): returns `YYYY-MM-DD`, or `""` when supplied empty on an optional field.
    public func date(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> String? {
        guard let value = try presentString(name, label, presence) else { return nil }
        if value.isEmpty { return value }
        guard let normalised = CalendarDate.normalise(value) else { throw malformed(name, label) }
        return normalised
    }

    /// `timerange` (§1.9): returns the normalised `H:MM-H:MM`; start must be before end.
    public func timeRange(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> String? {
        guard let value = try presentString(name, label, presence) else { return nil }
        switch TimeRange.normalise(value) {
        case .valid(let text): return text
        case .malformed: throw malformed(name, label)
        case .reversed: throw fail(name, "试课开始时间必须早于结束时间")
        }
    }

    /// `array`: a JSON array, or its JSON text in a form body. `nil` when absent.
    public func array(_ name: String, _ label: String, _ presence: Presence = .required) throws -> [JSONValue]? {
        switch raw(name) {
        case nil:
            if presence == .required { throw empty(name, label) }
            return nil
        case .json(.array(let items)):
            return items
        case .text(let text):  // a form body carries the array as JSON text (§1.6)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if presence == .required { throw empty(name, label) }
                return nil
            }
            guard case .array(let items)? = try? JSONValue.parse(text.utf8) else { throw malformed(name, label) }
            return items
        default:
            throw malformed(name, label)
        }
    }

    // MARK: - Shared string rules

    /// The trimmed string value, applying presence: absent/null → nil (or 不能为空), empty → 不能为空 when
    /// the field is required or may not be cleared. JSON numbers are refused unless `acceptsNumbers`, and so
    /// is a NUL character.
    func presentString(_ name: String, _ label: String, _ presence: Presence, acceptsNumbers: Bool = false) throws -> String? {
        let text: String
        switch raw(name) {
        case nil:
            if presence == .required { throw empty(name, label) }
            return nil
        case .json(.string(let value)), .text(let value):
            text = value
        case .json(.int(let value)) where acceptsNumbers:
            text = String(value)
        case .json(.double(let value)) where acceptsNumbers && value.isFinite:
            text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        default:
            throw malformed(name, label)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty && presence != .optional { throw empty(name, label) }
        // PostgreSQL text cannot hold U+0000: refused here rather than failing in the database as a 500.
        if trimmed.unicodeScalars.contains("\u{0}") { throw malformed(name, label) }
        return trimmed
    }

    public static func isPhone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1]) else {
            return false
        }
        return bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    public static let passwordRuleMessage = "密码长度应为6-30位，且只能包含字母、数字和英文符号"

    public static func isValidPassword(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return (6...30).contains(scalars.count) && scalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }
}
