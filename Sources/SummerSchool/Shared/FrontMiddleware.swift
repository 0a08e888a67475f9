import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RegistrarCore

/// The summer API's outer layer inside the envelope middleware: CORS (conventions §12, D16) on every
/// response including errors, pre-flights answered before routing, and the configured index page for
/// unmatched `GET` requests that accept HTML (decision 2).
struct SummerFrontMiddleware: RouterMiddleware {
    typealias Context = RegistrarContext
    let settings: SummerSettings
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.flatMap { settings.corsAllowedOrigins.contains($0) ? $0 : nil }
        if request.method == .options, origin != nil, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .ok)
            if let allowed {
                addCORS(&response, origin: allowed)
                response.headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
                response.headers[.accessControlAllowHeaders] = "Klicen-Agent, Content-Type, X-Requested-With"
                response.headers[.accessControlMaxAge] = "86400"
            }
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try render(error, request: request, context: context)
        }
        if let allowed { addCORS(&response, origin: allowed) }
        return response
    }

    private func addCORS(_ response: inout Response, origin: String) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowCredentials] = "true"
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
    }

    /// Every error becomes a response here so CORS headers reach it (§12), faults included (logged with
    /// the request id, answered with the decision-34 envelope).
    private func render(_ error: any Error, request: Request, context: Context) throws -> Response {
        switch error {
        case let error as AppError:
            return try APIStyle.summer.envelope(for: error).response(from: request, context: context)
        case let error as InputError:
            return try APIStyle.summer.envelope(for: APIStyle.summer.inputError(error)).response(from: request, context: context)
        case let error as HTTPError where error.status == .notFound:
            if let page = indexPage(for: request) { return page }
            return try APIStyle.summer.envelope(for: APIStyle.summer.notFound).response(from: request, context: context)
        case let error as HTTPError where error.status == .contentTooLarge:
            return try APIStyle.summer.envelope(for: APIStyle.summer.inputError(.tooLarge)).response(from: request, context: context)
        default:
            logger.error(
                "unhandled error: \(String(reflecting: error))",
                metadata: ["rid": .string(context.requestID), "path": .string(request.uri.path)])
            return try APIStyle.summer.envelope(for: .serverFault).response(from: request, context: context)
        }
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
