import HTTPTypes

/// A handled outcome that is not a success: rendered as the API's error envelope.
///
/// `code` is the envelope code (400, 401, 403, 404, 409 …), `msg` the Chinese message shown to the user,
/// `fieldName` the request field at fault (`""` when none). `status` is the HTTP status, 200 for every
/// handled outcome; only unmatched routes (404) and server faults (500) use another.
public struct AppError: Error, Sendable, Equatable {
    public var code: Int
    public var msg: String
    public var fieldName: String
    public var status: HTTPResponse.Status
    /// Some bodies of the summer API carry only `code` and `msg` (its 401/403 login-layer bodies).
    public var bare: Bool

    public init(code: Int, msg: String, fieldName: String = "", status: HTTPResponse.Status = .ok, bare: Bool = false) {
        self.code = code
        self.msg = msg
        self.fieldName = fieldName
        self.status = status
        self.bare = bare
    }

    /// Unexpected faults: details go to the log, never to the client.
    public static let serverFault = AppError(code: 500, msg: "服务器内部错误", status: .internalServerError)
}
