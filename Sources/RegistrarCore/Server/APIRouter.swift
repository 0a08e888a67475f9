import Hummingbird
import Logging

/// The router every API starts from: the envelope middleware outermost, then `GET /healthz`.
public func makeAPIRouter(style: APIStyle, database: RegistrarDatabase, logger: Logger) -> Router<RegistrarContext> {
    let router = Router(context: RegistrarContext.self)
    router.add(middleware: EnvelopeMiddleware(style: style, logger: logger))
    router.get("/healthz") { _, _ -> Response in
        do {
            try await database.ping()
            return try JSONBody.response(["status": "ok"])
        } catch {
            logger.error("health check failed: \(String(reflecting: error))")
            return try JSONBody.response(["status": "unavailable"], status: .serviceUnavailable)
        }
    }
    return router
}
