import Foundation

/// Tutoring settings, read from the environment once at start-up and passed to the app.
public struct TutoringSettings: Sendable {
    /// Adds `Secure` to the session cookie, for a server behind HTTPS (`REGISTRAR_SECURE_COOKIES=1`).
    public var secureCookies: Bool

    public init(secureCookies: Bool = false) {
        self.secureCookies = secureCookies
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> TutoringSettings {
        TutoringSettings(secureCookies: ["1", "true", "yes"].contains((environment["REGISTRAR_SECURE_COOKIES"] ?? "").lowercased()))
    }
}
