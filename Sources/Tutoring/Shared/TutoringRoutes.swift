import HTTPTypes
import Hummingbird
import RegistrarCore

/// One module of tutoring routes, usually the folder of one URL prefix; a value holding the dependencies
/// its handlers use (database, passwords, settings). `TutoringApp.modules` lists them all.
protocol TutoringRouteModule: Sendable {
    func register(_ routes: TutoringRoutes)
    /// The OpenAPI description of every route `register` declares (the document tests check both ways).
    var operations: [APIOperation] { get }
}

/// A declared route: method, path and who may call it.
public struct TutoringRoute: Sendable, Hashable {
    public let method: HTTPRequest.Method
    public let path: String
    public let access: TutoringAccess
}

/// Declares tutoring routes with their access (§5), so that authentication and the role gate run before
/// every handler, in the order of §1.13 (401 → 403 → body decoding → validation), and the declared
/// table can be checked against the permission matrix.
///
/// ```swift
/// routes.get("/admin/order/list") { request, me in … }
/// routes.put("/admin/order/confirm", access: .confirmers) { request, me in … }
/// ```
final class TutoringRoutes {
    let router: Router<RegistrarContext>
    let auth: TutoringAuth
    private(set) var declared: [TutoringRoute] = []

    init(router: Router<RegistrarContext>, auth: TutoringAuth) {
        self.router = router
        self.auth = auth
    }

    /// A route behind a session (and a role gate for `.roles`); the handler gets the caller.
    func on<R: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, access: TutoringAccess = .anyStaff,
        _ handler: @escaping @Sendable (Request, CurrentStaff) async throws -> R
    ) {
        precondition(access != .public, "public routes are declared with openRoute")
        declared.append(TutoringRoute(method: method, path: path, access: access))
        let auth = auth
        router.on(RouterPath(path), method: method) { request, _ in
            let me = try await auth.staff(request)
            guard access.admits(me.role) else { throw TutoringAccess.denied }
            return try await handler(request, me)
        }
    }

    /// A route anyone may call (login).
    func openRoute<R: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request) async throws -> R
    ) {
        declared.append(TutoringRoute(method: method, path: path, access: .public))
        router.on(RouterPath(path), method: method) { request, _ in try await handler(request) }
    }

    func get<R: ResponseGenerator>(
        _ path: String, access: TutoringAccess = .anyStaff, _ handler: @escaping @Sendable (Request, CurrentStaff) async throws -> R
    ) { on(.get, path, access: access, handler) }

    func post<R: ResponseGenerator>(
        _ path: String, access: TutoringAccess = .anyStaff, _ handler: @escaping @Sendable (Request, CurrentStaff) async throws -> R
    ) { on(.post, path, access: access, handler) }

    func put<R: ResponseGenerator>(
        _ path: String, access: TutoringAccess = .anyStaff, _ handler: @escaping @Sendable (Request, CurrentStaff) async throws -> R
    ) { on(.put, path, access: access, handler) }

    func delete<R: ResponseGenerator>(
        _ path: String, access: TutoringAccess = .anyStaff, _ handler: @escaping @Sendable (Request, CurrentStaff) async throws -> R
    ) { on(.delete, path, access: access, handler) }
}
