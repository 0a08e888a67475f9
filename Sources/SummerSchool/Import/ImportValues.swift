import Foundation
import RegistrarCore

/// Conversions of the original's values that do not depend on a record.
enum ImportValues {
    /// The number as its shortest round-trip text (`28099.800000000003`, `23120.0`), the text MySQL and Django
    /// show, so rounding it as a decimal removes binary noise without moving honest halves.
    static func numberText(_ value: JSONValue) -> String? {
        switch value {
        case .int(let number): return String(number)
        case .double(let number) where number.isFinite: return String(number)
        default: return nil
        }
    }

    /// `3.415` → 3.42 (half away from zero), as a double for the GPA column.
    static func twoPlaces(_ text: String) -> Double? {
        guard var value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return Double(rounded.description)
    }

    /// A JSON array of integers held in a text column (`"[51, 52]"`); nil when the text is not one.
    static func idList(_ text: String) -> [Int]? {
        guard let data = text.data(using: .utf8),
              let values = try? JSONDecoder().decode([JSONValue].self, from: data)
        else { return nil }
        var ids: [Int] = []
        for value in values {
            switch value {
            case .int(let id) where id > 0 && id <= Int64(Int32.max): ids.append(Int(id))
            case .string(let text) where Int32(text).map({ $0 > 0 }) == true: ids.append(Int(text)!)
            default: return nil
            }
        }
        return ids
    }

    /// Wished campuses as Registrar stores them (a compact JSON array of strings, `""` for none). The original's
    /// JSON text is re-encoded; numbers become text like the profile endpoint does; free text that is not a JSON
    /// array is kept as the single entry. Nil when the text looks like a JSON array but is malformed.
    static func campuses(_ text: String) throws -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "" }
        guard trimmed.hasPrefix("[") else { return try ProfileRow.encodeCampuses([trimmed]) }
        guard let data = trimmed.data(using: .utf8),
              let values = try? JSONDecoder().decode([JSONValue].self, from: data)
        else { return nil }
        var list: [String] = []
        for value in values {
            switch value {
            case .string(let item): list.append(item)
            case .int(let number): list.append(String(number))
            case .double(let number): list.append(String(number))
            default: return nil
            }
        }
        return try ProfileRow.encodeCampuses(list)
    }
}
