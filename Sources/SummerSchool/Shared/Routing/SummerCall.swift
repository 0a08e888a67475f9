import Hummingbird
import Logging
import RegistrarCore
import SQLKit

/// One authorised request as a handler sees it: the request, the app's services and the caller.
public struct SummerCall: Sendable {
    public let request: Request
    public let context: RegistrarContext
    public let app: SummerSchoolApp
    /// The caller; nil only on login-exempt routes without a valid ticket.
    public let user: SummerUser?
    /// The ticket presented by the request (cookie, else query), valid or not.
    public let ticket: String?

    /// The caller of a route that requires login.
    public var caller: SummerUser {
        guard let user else { preconditionFailure("caller read on a login-exempt route") }
        return user
    }

    public var database: RegistrarDatabase { app.database }
    public var sql: any SQLDatabase { app.database.sql }
    public var settings: SummerSettings { app.settings }
    public var wechat: any WeChatClient { app.wechat }
    public var logger: Logger { app.logger }

    /// Query-string inputs.
    public func query() -> RequestInput { RequestInput.query(request) }

    /// Body inputs (JSON, form or multipart; decision 35 limits). Read after the object lookup.
    public func body(policy: BodyPolicy = .summer) async throws -> RequestInput {
        try await RequestInput.body(request, policy: policy)
    }

    /// A validating reader over the body, for `mode` (create / PUT / PATCH).
    public func bodyReader(_ mode: WriteMode, policy: BodyPolicy = .summer) async throws -> FieldReader {
        FieldReader(try await body(policy: policy), mode: mode)
    }

    /// The write mode of this request's method: POST create, PUT replace, PATCH partial.
    public var writeMode: WriteMode {
        switch request.method {
        case .patch: return .patch
        case .put: return .replace
        default: return .create
        }
    }

    /// The integer `{id}` of an item route; anything else is the lookup failure (code 404 `请求失败`).
    public func pathID(_ name: String = "id") throws -> Int {
        guard let text = context.parameters.get(name), let id = Int(text), id >= Int(Int32.min), id <= Int(Int32.max)
        else { throw AppError.notFound }
        return id
    }

    /// The absolute URL of a stored file (decision 27).
    public func mediaURL(_ relativePath: String) -> String { settings.mediaURL(relativePath, request: request) }

    /// A paginated list (conventions §8) of `query`, mapped by `transform` (one batched look-up per relation).
    public func page<Row: Decodable, Item: Encodable & Sendable>(
        _ query: PagedQuery, decoding: Row.Type, _ transform: ([Row]) async throws -> [Item]
    ) async throws -> LinkedPage<Item> {
        try await SummerPagination.page(query, request: request, on: sql, decoding: Row.self, transform)
    }

    /// Whether cookies set in the response should be `Secure`.
    public var usesHTTPS: Bool { settings.isHTTPS(request) }
}
