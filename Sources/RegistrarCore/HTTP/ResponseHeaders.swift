import HTTPTypes

/// Headers that belong on the response whatever it turns out to be — a success, a handled error or a
/// fault — such as CORS headers and session cookies. Set them while handling the request;
/// `EnvelopeMiddleware` writes them onto the final response.
public final class ResponseHeaders: @unchecked Sendable {
    // Written and read by the one task handling the request.
    var fields = HTTPFields()

    @TaskLocal static var current: ResponseHeaders?

    /// Sets `name` to `value` on the eventual response, replacing an earlier value set here.
    public static func set(_ name: HTTPField.Name, _ value: String) {
        current?.fields[name] = value
    }

    func apply(to headers: inout HTTPFields) {
        for name in Set(fields.map(\.name)) {
            headers[values: name] = fields[values: name]
        }
    }
}
