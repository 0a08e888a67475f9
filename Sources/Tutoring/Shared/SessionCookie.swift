import Foundation
import Hummingbird
import RegistrarCore

/// The `tutoring_sid` cookie (§1.5). Handlers record what the response should do with it (issue at login
/// and on every cookie-authenticated request, clear at logout); `SessionCookieMiddleware` writes the header,
/// error envelopes included.
public final class SessionCookie: @unchecked Sendable {
    public static let name = "tutoring_sid"
    public static let maxAge = 604_800

    enum Action { case none, issue(String), clear }
    // Written and read by the one task handling the request.
    var action: Action = .none

    @TaskLocal static var current: SessionCookie?

    public static func issue(_ token: String) { current?.action = .issue(token) }
    public static func clear() { current?.action = .clear }

    /// `Secure` is added when the server is configured for HTTPS (REGISTRAR_SECURE_COOKIES=1).
    static let secure: Bool = ["1", "true", "yes"].contains(
        (ProcessInfo.processInfo.environment["REGISTRAR_SECURE_COOKIES"] ?? "").lowercased())

    var header: String? {
        let suffix = "; Path=/; HttpOnly; SameSite=Lax" + (Self.secure ? "; Secure" : "")
        switch action {
        case .none: return nil
        case .issue(let token): return "\(Self.name)=\(token)\(suffix); Max-Age=\(Self.maxAge)"
        case .clear: return "\(Self.name)=\(suffix); Max-Age=0"
        }
    }
}

/// Adds the `Set-Cookie` header a handler asked for, also to error envelopes thrown after authentication.
struct SessionCookieMiddleware: RouterMiddleware {
    typealias Context = RegistrarContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let cookie = SessionCookie()
        var response: Response
        do {
            response = try await SessionCookie.$current.withValue(cookie) { try await next(request, context) }
        } catch {
            guard cookie.header != nil else { throw error }
            let appError: AppError
            switch error {
            case let error as AppError: appError = error
            case let error as InputError: appError = APIStyle.tutoring.inputError(error)
            default: throw error
            }
            response = try APIStyle.tutoring.envelope(for: appError).response(from: request, context: context)
        }
        if let header = cookie.header { response.headers[values: .setCookie].append(header) }
        return response
    }
}
