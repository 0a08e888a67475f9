import HTTPTypes
import Hummingbird
import RegistrarCore

/// One module of routes, usually one URL prefix and the folder it names; `SummerSchoolApp.modules` lists them all.
/// Handlers read their dependencies from the `SummerCall` (database, settings, WeChat, passwords).
protocol SummerRouteModule: Sendable {
    func register(_ routes: SummerRoutes)
    /// The OpenAPI description of every route `register` declares (the document tests check both ways).
    var operations: [APIOperation] { get }
}

extension SummerRouteModule {
    var operations: [APIOperation] { [] }
}

/// A declared route: method, path and who may call it.
public struct SummerRoute: Sendable {
    public let method: HTTPRequest.Method
    public let path: String
    public let access: Access
}

/// Declares the summer API's routes so that every one runs the request pipeline of decision 29:
/// login check (401 body) → `/admin` block for students (bare 403) → role check (403) → method check (405)
/// → handler (object lookup 404, body parsing, validation, effects).
///
/// ```swift
/// routes.collection("/coupon/coupon", access: .admin) { r in
///     r.get { call in … }
///     r.post { call in … }
/// }
/// routes.item("/market/channel/{id}", access: .staff) { r in
///     r.get { call in … }
///     r.put(access: .roles(.market, .admin)) { call in … }
/// }
/// ```
/// Paths are matched with or without their trailing slash (decision 1). Every method is registered, so an
/// unlisted one answers 405 after authentication instead of Hummingbird's 404.
public struct SummerRoutes {
    public let router: Router<RegistrarContext>
    public let app: SummerSchoolApp
    private let table = RouteTable()

    public init(router: Router<RegistrarContext>, app: SummerSchoolApp) {
        self.router = router
        self.app = app
    }

    /// Every method with a handler, in declaration order.
    public var declared: [SummerRoute] { table.routes }

    private final class RouteTable {
        var routes: [SummerRoute] = []
    }

    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// Declares one path and its methods. `collection` and `item` below are this same call under the names
    /// that say which kind of path a module declares; all three stay.
    public func route(_ path: String, access: Access = .loggedIn, _ declare: (inout RouteMethods) -> Void) {
        add(path, access: access, declare)
    }

    /// A collection path (`/M/P`) or collection action (`/M/P/action`): `route(_:)`.
    public func collection(_ path: String, access: Access = .loggedIn, _ declare: (inout RouteMethods) -> Void) {
        route(path, access: access, declare)
    }

    /// An item path with `{id}` (`/M/P/{id}`, `/M/P/{id}/action`): `route(_:)`.
    public func item(_ path: String, access: Access = .loggedIn, _ declare: (inout RouteMethods) -> Void) {
        route(path, access: access, declare)
    }

    /// A path matched as a prefix (conventions §2.1: `/common/global_enums…`).
    public func prefix(_ path: String, access: Access = .loggedIn, _ declare: (inout RouteMethods) -> Void) {
        add(path, access: access, declare)
        add(path + "/**", access: access, record: false, declare)
    }

    /// A route outside the API pipeline (files: bytes, never an envelope; no login): `GET` and `HEAD` on the
    /// router itself, recorded as `GET documentedAs` for the document.
    public func file(
        _ path: String, documentedAs documented: String,
        _ handler: @escaping @Sendable (Request, RegistrarContext) async throws -> Response
    ) {
        router.get(RouterPath(path), use: handler)
        router.head(RouterPath(path), use: handler)
        table.routes.append(SummerRoute(method: .get, path: documented, access: .open))
    }

    private func add(_ path: String, access: Access, record: Bool = true, _ declare: (inout RouteMethods) -> Void) {
        var methods = RouteMethods()
        declare(&methods)
        if record {
            for method in Self.methods where methods.handlers[method] != nil {
                table.routes.append(SummerRoute(method: method, path: path, access: methods.handlers[method]?.access ?? access))
            }
        }
        let endpoint = Endpoint(app: app, access: access, handlers: methods.handlers)
        let names = Self.parameterNames(path)
        for method in Self.methods {
            router.on(RouterPath(path), method: method) { request, context in
                // Conventions §2.1: `{id}` never contains `.`; such a path matches no route (decision 2).
                for name in names where context.parameters.get(name)?.contains(".") == true { throw HTTPError(.notFound) }
                return try await endpoint.respond(request, context: context)
            }
        }
    }
}

extension SummerRoutes {
    /// The `{name}` segments of a route path.
    static func parameterNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

/// The handlers of one path, by method, each with an optional access rule of its own.
public struct RouteMethods: Sendable {
    public typealias Handler = @Sendable (SummerCall) async throws -> Response

    var handlers: [HTTPRequest.Method: (access: Access?, handler: Handler)] = [:]

    public mutating func on<R: ResponseGenerator>(
        _ method: HTTPRequest.Method, access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R
    ) {
        handlers[method] = (access, { call in try await handler(call).response(from: call.request, context: call.context) })
    }

    public mutating func get<R: ResponseGenerator>(access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R) {
        on(.get, access: access, handler)
    }
    public mutating func post<R: ResponseGenerator>(access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R) {
        on(.post, access: access, handler)
    }
    public mutating func put<R: ResponseGenerator>(access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R) {
        on(.put, access: access, handler)
    }
    public mutating func patch<R: ResponseGenerator>(access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R) {
        on(.patch, access: access, handler)
    }
    public mutating func delete<R: ResponseGenerator>(access: Access? = nil, _ handler: @escaping @Sendable (SummerCall) async throws -> R) {
        on(.delete, access: access, handler)
    }
}

/// One routed path: runs the pipeline, then the method's handler.
struct Endpoint: Sendable {
    let app: SummerSchoolApp
    let access: Access
    let handlers: [HTTPRequest.Method: (access: Access?, handler: RouteMethods.Handler)]

    func respond(_ request: Request, context: RegistrarContext) async throws -> Response {
        // HEAD is GET without a body (conventions §2.1).
        let lookup: HTTPRequest.Method = request.method == .head ? .get : request.method
        let entry = handlers[lookup]
        let access = entry?.access ?? self.access

        let ticket = Tickets.presented(request)
        var user: SummerUser?
        if let ticket { user = try await Tickets.resolve(ticket, on: app.database.sql) }
        if access.requiresLogin && user == nil { throw AppError.notLoggedIn }
        if let user, user.isStudent, Self.isAdminArea(request.uri.path) { throw AppError.adminAreaForbidden }
        if let roles = access.roles, let user, !roles.contains(where: { $0.rawValue == user.role }) {
            throw AppError.forbidden
        }
        if request.method == .options && entry == nil {
            return try Reply.ok(EmptyObject()).response(from: request, context: context)
        }
        guard let entry else { throw AppError.methodNotAllowed(request.method.rawValue.uppercased()) }
        let call = SummerCall(request: request, context: context, app: app, user: user, ticket: ticket)
        let response = try await entry.handler(call)
        return request.method == .head ? Response(status: response.status, headers: response.headers) : response
    }

    static func isAdminArea(_ path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: true).first == "admin"
    }
}
