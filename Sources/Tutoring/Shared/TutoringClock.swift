import Foundation

/// The server clock in UNIX seconds (§1.9).
public enum TutoringClock {
    public static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
