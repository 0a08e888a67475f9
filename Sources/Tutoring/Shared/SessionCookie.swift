import HTTPTypes
import RegistrarCore

/// The `tutoring_sid` cookie (§1.5): issued at login and on every cookie-authenticated request, cleared at
/// logout. It is set through `ResponseHeaders`, so it also reaches error envelopes thrown after
/// authentication; a later call (logout's clear) replaces an earlier one.
public struct SessionCookie: Sendable {
    public static let name = "tutoring_sid"
    public static let maxAge = 604_800

    /// `Secure` is added when the server is configured for HTTPS (`TutoringSettings.secureCookies`).
    public let secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    var attributes: String { "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "") }

    public func issue(_ token: String) {
        ResponseHeaders.set(.setCookie, "\(Self.name)=\(token)\(attributes); Max-Age=\(Self.maxAge)")
    }

    public func clear() {
        ResponseHeaders.set(.setCookie, "\(Self.name)=\(attributes); Max-Age=0")
    }
}
