/// A case-insensitive "contains" pattern for SQL `LIKE … ESCAPE '!'`, built from request text: `%`, `_` and
/// `!` match literally. Text with a NUL can match no stored value (neither database stores one, and PostgreSQL
/// refuses it as a parameter), so it has no pattern: callers add a condition that matches nothing.
public enum LikePattern {
    public static let escapeClause = "ESCAPE '!'"

    /// `%text%`, lower-cased and escaped; nil for text with a NUL.
    public static func contains(_ text: String) -> String? {
        guard !text.utf8.contains(0) else { return nil }
        var escaped = "%"
        for character in text.lowercased() {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        return escaped + "%"
    }
}
