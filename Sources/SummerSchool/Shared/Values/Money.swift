import Foundation
import RegistrarCore

/// An exact amount of money in cents (D27), rendered as a JSON number with two decimals' precision.
public struct Money: Encodable, Sendable, Equatable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// `12.34`, exact (a Decimal, never a binary float).
    public var decimal: Decimal { Decimal(sign: cents < 0 ? .minus : .plus, exponent: -2, significand: Decimal(cents.magnitude)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }

    /// Input text → cents, rounded half-up to 2 decimals; nil when not a finite decimal number.
    public enum Parsed: Equatable { case invalid, tooLarge, cents(Int64) }

    public static func parse(_ text: String) -> Parsed {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A one-pass grammar check: a pattern with `\d+\.?\d*` backtracks quadratically on long digit runs.
        guard NumberText.isDecimal(trimmed),
              var value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN
        else { return .invalid }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        // decimal(12,2): at most 10 digits before the point.
        guard rounded.magnitude < Decimal(10_000_000_000) else { return .tooLarge }
        return .cents(NSDecimalNumber(decimal: rounded * 100).int64Value)
    }
}
