import RegistrarCore
import SQLKit

/// Login throttling per name (§1.5): ≥ 5 failures within 900 s → 429, kept in `tutoring_login_failure`.
struct LoginThrottle {
    static let window = 900
    static let limit = 5

    /// The trimmed login name, truncated to the column's 100 characters.
    let key: String

    init(name: String) {
        key = String(String.UnicodeScalarView(name.unicodeScalars.prefix(100)))
    }

    func refuseIfThrottled(on sql: any SQLDatabase) async throws {
        struct Count: Decodable { let count: Int }
        let since = TutoringClock.now() - Self.window
        let failures = try await sql.raw("""
            SELECT COUNT(*) AS count FROM tutoring_login_failure WHERE name = \(bind: key) AND time > \(bind: since)
            """).first(decoding: Count.self)?.count ?? 0
        if failures >= Self.limit {
            throw AppError(code: 429, msg: "登录失败次数过多，请15分钟后再试", fieldName: "name")
        }
    }

    /// Records one failure, dropping this name's records that have left the window.
    func recordFailure(on sql: any SQLDatabase) async throws {
        let now = TutoringClock.now()
        try await sql.raw("DELETE FROM tutoring_login_failure WHERE name = \(bind: key) AND time <= \(bind: now - Self.window)").run()
        try await sql.raw("INSERT INTO tutoring_login_failure (name, time) VALUES (\(bind: key), \(bind: now))").run()
    }

    func clear(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM tutoring_login_failure WHERE name = \(bind: key)").run()
    }
}
