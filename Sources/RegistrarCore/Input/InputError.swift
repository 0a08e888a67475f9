/// A request body that could not be read; each API words these in its own way (`APIStyle.inputError`).
public enum InputError: Error, Sendable, Equatable {
    /// Larger than the limit for its content type.
    case tooLarge
    /// Not valid JSON; the associated text describes where parsing failed (for logs).
    case malformedJSON(String)
    /// Valid JSON that is not an object.
    case notAnObject(JSONValue)
    /// A content type the API does not read (summer API only).
    case unsupportedMediaType(String)
    /// A multipart body that does not parse.
    case malformedMultipart
}
