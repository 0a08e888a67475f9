import Foundation

/// `date` values (§1.9): `Y-M-D` with a real Gregorian date, stored zero-padded.
public enum CalendarDate {
    /// `2017-3-18` → `2017-03-18`; nil when the text is not a real date with a year 1000–9999.
    public static func normalise(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1000...9999).contains(year), (1...12).contains(month), day >= 1, day <= days(in: month, of: year)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// `timerange` values (§1.9): `H:MM-H:MM`, ASCII or full-width colon and hyphen.
public enum TimeRange {
    public enum Result: Equatable { case valid(String), malformed, reversed }

    public static func normalise(_ text: String) -> Result {
        let pattern = #"^(\d{1,2})[:：](\d{2})\s*[-－]\s*(\d{1,2})[:：](\d{2})$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), match.numberOfRanges == 5
        else { return .malformed }
        var numbers: [Int] = []
        for index in 1...4 {
            guard let range = Range(match.range(at: index), in: text) else { return .malformed }
            let digits = text[range]
            // \d matches other scripts' digits too; only ASCII digits are accepted.
            guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(digits) else {
                return .malformed
            }
            numbers.append(value)
        }
        guard numbers[0] <= 23, numbers[2] <= 23, numbers[1] <= 59, numbers[3] <= 59 else { return .malformed }
        guard numbers[0] * 60 + numbers[1] < numbers[2] * 60 + numbers[3] else { return .reversed }
        return .valid(String(format: "%d:%02d-%d:%02d", numbers[0], numbers[1], numbers[2], numbers[3]))
    }
}
