import RegistrarCore
import SQLKit

/// Login throttling per name (§1.5): ≥ 5 failures within 900 s → 429, kept in `tutoring_login_failure`.
///
/// Each attempt first records itself, then counts the records before its own: a burst of concurrent
/// attempts sees its predecessors, so it cannot test more than the allowed passwords at once. The record
/// stays as the failure record if the credentials are wrong, and is removed on 429 (refused attempts
/// record nothing) and on success (which clears the name's records).
struct LoginThrottle {
    static let window = 900
    static let limit = 5

    /// The trimmed login name, truncated to the column's 100 characters.
    let key: String

    init(name: String) {
        key = String(String.UnicodeScalarView(name.unicodeScalars.prefix(100)))
    }

    /// Records this attempt and returns its record, or throws 429 (recording nothing) when the name
    /// already has `limit` failures (or attempts in flight) within the window.
    func begin(on sql: any SQLDatabase) async throws -> Int {
        struct Inserted: Decodable { let id: Int }
        struct Count: Decodable { let count: Int }
        let now = TutoringClock.now()
        try await sql.raw("DELETE FROM tutoring_login_failure WHERE name = \(bind: key) AND time <= \(bind: now - Self.window)").run()
        let attempt = try await sql.raw("""
            INSERT INTO tutoring_login_failure (name, time) VALUES (\(bind: key), \(bind: now)) RETURNING id
            """).first(decoding: Inserted.self)!.id
        let earlier = try await sql.raw("""
            SELECT COUNT(*) AS count FROM tutoring_login_failure
            WHERE name = \(bind: key) AND time > \(bind: now - Self.window) AND id < \(bind: attempt)
            """).first(decoding: Count.self)?.count ?? 0
        if earlier >= Self.limit {
            try await sql.raw("DELETE FROM tutoring_login_failure WHERE id = \(bind: attempt)").run()
            throw AppError(code: 429, msg: "登录失败次数过多，请15分钟后再试", fieldName: "name")
        }
        return attempt
    }

    /// A successful login clears the name's records (this attempt's included).
    func clear(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM tutoring_login_failure WHERE name = \(bind: key)").run()
    }
}
