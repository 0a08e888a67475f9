import Foundation

/// Instants are stored as microseconds since the epoch (UTC); this renders and parses them
/// (conventions §10.1/§10.2).
public enum SummerTime {
    public static let microsPerSecond: Int64 = 1_000_000

    /// The current instant.
    public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }

    /// `2017-07-12T16:00:00Z`, or `2017-08-20T14:14:57.775431Z` when there is a fractional second.
    public static func render(_ micros: Int64) -> String {
        let seconds = micros.floorDiv(microsPerSecond)
        let fraction = micros - seconds * microsPerSecond
        let days = seconds.floorDiv(86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", year, month, day,
                          secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        if fraction != 0 { text += String(format: ".%06lld", fraction) }
        return text + "Z"
    }

    public static func render(_ micros: Int64?) -> String? { micros.map { render($0) } }

    /// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// (year, month, day) → days since 1970-01-01.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isValidDate(year: Int64, month: Int64, day: Int64) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let lengths: [Int64] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return day <= (month == 2 && leap ? 29 : lengths[Int(month) - 1])
    }

    private static let dateTimePattern = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6})\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"#)
    private static let datePattern = try! NSRegularExpression(pattern: #"^(\d{4})-(\d{1,2})-(\d{1,2})$"#)

    /// Local wall time without an offset is Asia/Shanghai (UTC+8, no daylight saving).
    static let localOffsetSeconds: Int64 = 8 * 3600

    /// Parses an input date-time (§10.2); nil when malformed.
    public static func parseDateTime(_ text: String) -> Int64? {
        guard let groups = match(dateTimePattern, text) else { return nil }
        func number(_ index: Int) -> Int64? { groups[index].flatMap { Int64($0) } }
        guard let year = number(1), let month = number(2), let day = number(3), let hour = number(4),
              let minute = number(5), isValidDate(year: year, month: month, day: day),
              hour < 24, minute < 60
        else { return nil }
        let second = number(6) ?? 0
        guard second < 60 else { return nil }
        var micros: Int64 = 0
        if let fraction = groups[7] { micros = Int64(fraction.padding(toLength: 6, withPad: "0", startingAt: 0)) ?? 0 }
        var offset = localOffsetSeconds
        if let zone = groups[8] {
            if zone == "Z" {
                offset = 0
            } else {
                let sign: Int64 = zone.hasPrefix("-") ? -1 : 1
                let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
                let hours = Int64(digits.prefix(2)) ?? 0
                let minutes = digits.count > 2 ? Int64(digits.dropFirst(2)) ?? 0 : 0
                guard hours < 24, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return seconds * microsPerSecond + micros
    }

    /// Parses an input date to `YYYY-MM-DD`; nil when malformed.
    public static func parseDate(_ text: String) -> String? {
        guard let groups = match(datePattern, text),
              let year = groups[1].flatMap({ Int64($0) }), let month = groups[2].flatMap({ Int64($0) }),
              let day = groups[3].flatMap({ Int64($0) }), isValidDate(year: year, month: month, day: day)
        else { return nil }
        return String(format: "%04lld-%02lld-%02lld", year, month, day)
    }

    private static func match(_ pattern: NSRegularExpression, _ text: String) -> [String?]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let result = pattern.firstMatch(in: text, range: range) else { return nil }
        return (0..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) }
        }
    }
}

extension Int64 {
    func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
