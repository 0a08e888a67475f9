/// One named input of a request, as the client sent it.
public enum InputValue: Sendable, Equatable {
    /// A member of a JSON body.
    case json(JSONValue)
    /// Every occurrence of a query, form or multipart text field, in order.
    case text([String])
    /// A multipart file part (the APIs expect base64 text, so handlers reject these).
    case file(filename: String?, bytes: [UInt8])
}
