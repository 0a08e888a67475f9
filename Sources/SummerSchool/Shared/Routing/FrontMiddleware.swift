import Foundation
import HTTPTypes
import Hummingbird
import RegistrarCore

/// The summer API's outer layer inside the envelope middleware: CORS (conventions §12, D16) on every
/// response including errors, pre-flights answered before routing, and the configured index page for
/// unmatched `GET` requests that accept HTML (decision 2). Errors go on to the envelope middleware.
struct SummerFrontMiddleware: RouterMiddleware {
    typealias Context = RegistrarContext
    let settings: SummerSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.flatMap { settings.corsAllowedOrigins.contains($0) ? $0 : nil }
        if let allowed { setCORS(origin: allowed) }
        if request.method == .options, origin != nil, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .ok)
            if allowed != nil {
                response.headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
                response.headers[.accessControlAllowHeaders] = "Klicen-Agent, Content-Type, X-Requested-With"
                response.headers[.accessControlMaxAge] = "86400"
            }
            return response
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let page = indexPage(for: request) else { throw error }
            return page
        }
    }

    /// On every response to an allowed origin, errors and faults included (§12); the envelope middleware
    /// writes them.
    private func setCORS(origin: String) {
        ResponseHeaders.set(.accessControlAllowOrigin, origin)
        ResponseHeaders.set(.accessControlAllowCredentials, "true")
        ResponseHeaders.set(.vary, "Origin")
    }

    private func indexPage(for request: Request) -> Response? {
        // Decision 2: the page is served at `GET /` itself, and for other unmatched `GET` paths accepting HTML.
        guard request.method == .get || request.method == .head,
              let file = settings.indexPageFile,
              request.uri.path == "/" || request.headers[.accept]?.contains("text/html") == true,
              let data = FileManager.default.contents(atPath: file)
        else { return nil }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(data: data)))
    }
}
