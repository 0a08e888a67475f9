import Foundation
import Hummingbird
import Logging

/// Outermost middleware of each API: gives the request an id, turns every thrown error into the API's
/// envelope, and writes one log line per request (method, path, status, code, latency, request id).
public struct EnvelopeMiddleware: RouterMiddleware {
    public typealias Context = RegistrarContext
    let style: APIStyle
    let logger: Logger

    public init(style: APIStyle, logger: Logger) {
        self.style = style
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        context.requestID = request.headers[.init("X-Request-ID")!].flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
            ?? SecureToken.hex(bytes: 8)
        let code = ResponseCode()
        let headers = ResponseHeaders()
        var response: Response
        do {
            response = try await ResponseCode.$current.withValue(code) {
                try await ResponseHeaders.$current.withValue(headers) {
                    try await next(request, context)
                }
            }
        } catch {
            let appError = map(error, request: request, context: context)
            code.value = appError.code
            response = try style.envelope(for: appError).response(from: request, context: context)
        }
        headers.apply(to: &response.headers)
        response.headers[.init("X-Request-ID")!] = context.requestID
        let elapsed = ContinuousClock.now - started
        logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code) code=\(code.value.map(String.init) ?? "-") \(Self.millis(elapsed))ms",
            metadata: ["rid": .string(context.requestID), "api": .string(style.name)])
        RequestMetrics.record(
            api: style.name, route: context.endpointPath, method: request.method.rawValue,
            status: Int(response.status.code), code: code.value, duration: elapsed)
        return response
    }

    /// `elapsed` in milliseconds with two decimals (integer arithmetic: the line is written for every request).
    static func millis(_ elapsed: Duration) -> String {
        let hundredths = (elapsed.nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func map(_ error: any Error, request: Request, context: Context) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as InputError:
            return style.inputError(error)
        case let error as HTTPError where error.status == .notFound:
            return style.notFound
        case let error as HTTPError where error.status == .contentTooLarge:
            return style.inputError(.tooLarge)
        default:
            logger.error(
                "unhandled error: \(String(reflecting: error))",
                metadata: ["rid": .string(context.requestID), "path": .string(request.uri.path)])
            return .serverFault
        }
    }
}
