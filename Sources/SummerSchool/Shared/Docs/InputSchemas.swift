import RegistrarCore

/// Schemas of input values as the field reader checks them.
enum InputSchemas {
    /// A string that is not blank once trimmed, with at most `max` (and at least `min`) code points.
    static func text(max: Int, min: Int? = nil) -> Schema {
        let text = Schema.string.with("pattern", "\\S").maxLength(max)
        return min.map { text.minLength($0) } ?? text
    }

    /// A 32-bit integer (D22): larger values are refused with a field error.
    static let int32 = Schema.integer.minimum(Int(Int32.min)).maximum(Int(Int32.max))
}
