/// Number grammars checked in one pass over the text. Request numbers are never matched with regular
/// expressions: a backtracking pattern such as `\d+\.?\d*` costs quadratic time on a long run of digits
/// followed by a letter.
public enum NumberText {
    /// `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?` with ASCII digits.
    public static func isDecimal(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index != bytes.endIndex, isDigit(bytes[index]) { count += 1; index = bytes.index(after: index) }
            return count
        }
        if index != bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            index = bytes.index(after: index)
        }
        var mantissa = digits()
        if index != bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index = bytes.index(after: index)
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index != bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index = bytes.index(after: index)
            if index != bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index = bytes.index(after: index)
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    /// `-?\d+` with ASCII digits.
    public static func isInteger(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        let body = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        return !body.isEmpty && body.allSatisfy(isDigit)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// Request text bound into SQL: PostgreSQL cannot store or compare text containing U+0000 (it fails the
/// statement), so such text is refused, or treated as matching nothing, before any query.
public enum StorableText {
    public static func isStorable(_ text: some StringProtocol) -> Bool { !text.utf8.contains(0) }
}
