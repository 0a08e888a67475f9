/// How an API reads request bodies.
public struct BodyPolicy: Sendable {
    /// Largest JSON or form body, in bytes.
    public var textLimit: Int
    /// Largest multipart body, in bytes.
    public var multipartLimit: Int
    /// Multipart bodies are read (summer) rather than treated as JSON (tutoring).
    public var acceptsMultipart: Bool
    /// Unknown content types are refused (summer: 415); otherwise they are read as JSON (tutoring).
    public var rejectsUnknownTypes: Bool

    public init(textLimit: Int, multipartLimit: Int, acceptsMultipart: Bool, rejectsUnknownTypes: Bool) {
        self.textLimit = textLimit
        self.multipartLimit = multipartLimit
        self.acceptsMultipart = acceptsMultipart
        self.rejectsUnknownTypes = rejectsUnknownTypes
    }

    /// The same policy with every body held to the text limit: what routes open to anonymous callers
    /// (login) accept, so they never buffer a large multipart body before authentication.
    public var textSized: BodyPolicy {
        var policy = self
        policy.multipartLimit = textLimit
        return policy
    }
}
