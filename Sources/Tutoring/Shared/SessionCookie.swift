import Foundation
import HTTPTypes
import RegistrarCore

/// The `tutoring_sid` cookie (§1.5): issued at login and on every cookie-authenticated request, cleared at
/// logout. It is set through `ResponseHeaders`, so it also reaches error envelopes thrown after
/// authentication; a later call (logout's clear) replaces an earlier one.
public enum SessionCookie {
    public static let name = "tutoring_sid"
    public static let maxAge = 604_800

    /// `Secure` is added when the server is configured for HTTPS (REGISTRAR_SECURE_COOKIES=1).
    static let secure: Bool = ["1", "true", "yes"].contains(
        (ProcessInfo.processInfo.environment["REGISTRAR_SECURE_COOKIES"] ?? "").lowercased())

    static var attributes: String { "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "") }

    public static func issue(_ token: String) {
        ResponseHeaders.set(.setCookie, "\(name)=\(token)\(attributes); Max-Age=\(maxAge)")
    }

    public static func clear() {
        ResponseHeaders.set(.setCookie, "\(name)=\(attributes); Max-Age=0")
    }
}
