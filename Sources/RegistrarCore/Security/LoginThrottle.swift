import Foundation
import SQLKit

/// Login throttling per name, kept in the database (tutoring §1.5, summer decision 40): 5 failed logins
/// within 900 s refuse further attempts with 429 without checking the password.
///
/// Each attempt runs in one transaction that first takes a lock for its name (a PostgreSQL advisory lock;
/// SQLite's `BEGIN IMMEDIATE` already serialises writers), then counts the name's recent failures, checks
/// the credentials and records the outcome before committing. Concurrent attempts for one name therefore
/// run one after another: a burst never tests more than `limit` wrong passwords, and a correct password
/// waits for the attempts ahead of it instead of being refused.
///
/// The table has columns `id` (auto), `name` and `time` (UNIX seconds), with indexes on `(name, time)`
/// and `(time)`.
public struct LoginThrottle: Sendable {
    public static let window = 900
    public static let limit = 5
    /// Expired rows of other names removed by each failed attempt, so that random names cannot grow
    /// the table without bound.
    public static let purgeBatch = 100
    public static let message = "登录失败次数过多，请15分钟后再试"

    /// The failure table (an identifier written in code, never request text).
    public let table: String
    /// Namespace of this table's advisory locks (PostgreSQL), distinct per table.
    public let lockSpace: Int32
    /// The field the 429 names (`name` in tutoring, `username` in summer).
    public let fieldName: String

    public init(table: String, lockSpace: Int32, fieldName: String) {
        self.table = table
        self.lockSpace = lockSpace
        self.fieldName = fieldName
    }

    /// What the credential check decided.
    public enum Outcome<Value: Sendable>: Sendable {
        case success(Value)
        /// A credential failure: recorded, then thrown.
        case failure(AppError)
    }

    public var refusal: AppError { AppError(code: 429, msg: Self.message, fieldName: fieldName) }

    /// The stored key of `name`: at most 100 code points (the column's size).
    public static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.prefix(100)))
    }

    /// Runs `check` for `name` under the throttle, inside one transaction on `database`; `check` must
    /// use only the `SQLDatabase` it is given. A success clears the name's failures; a failure is recorded
    /// and its error thrown after commit; an error thrown by `check` records nothing.
    public func attempt<Value: Sendable>(
        name: String, database: RegistrarDatabase, now: Int = Int(Date().timeIntervalSince1970),
        _ check: @escaping @Sendable (any SQLDatabase) async throws -> Outcome<Value>
    ) async throws -> Value {
        let key = Self.key(name)
        let cutoff = now - Self.window
        let isSQLite = database.isSQLite
        let result: AttemptResult<Value> = try await database.transaction { sql in
            if !isSQLite {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockSpace), hashtext(\(bind: key)))").run()
            }
            let recent = try await sql.raw("""
                SELECT COUNT(*) AS count FROM \(unsafeRaw: table) WHERE name = \(bind: key) AND time > \(bind: cutoff)
                """).first(decoding: ThrottleCount.self)?.count ?? 0
            if recent >= Self.limit { return .refused }
            switch try await check(sql) {
            case .success(let value):
                try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE name = \(bind: key)").run()
                return .succeeded(value)
            case .failure(let error):
                try await purge(key: key, cutoff: cutoff, isSQLite: isSQLite, on: sql)
                try await sql.raw("INSERT INTO \(unsafeRaw: table) (name, time) VALUES (\(bind: key), \(bind: now))").run()
                return .failed(error)
            }
        }
        switch result {
        case .refused: throw refusal
        case .failed(let error): throw error
        case .succeeded(let value): return value
        }
    }

    /// Deletes the name's expired rows and a bounded batch of other expired rows. On PostgreSQL rows that a
    /// concurrent attempt is deleting are skipped rather than waited for (two purges never wait on each other).
    func purge(key: String, cutoff: Int, isSQLite: Bool, on sql: any SQLDatabase) async throws {
        let skipLocked = isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
        try await sql.raw("""
            DELETE FROM \(unsafeRaw: table) WHERE id IN (
                SELECT id FROM \(unsafeRaw: table) WHERE name = \(bind: key) AND time <= \(bind: cutoff)\(unsafeRaw: skipLocked))
            """).run()
        try await sql.raw("""
            DELETE FROM \(unsafeRaw: table) WHERE id IN (
                SELECT id FROM \(unsafeRaw: table) WHERE time <= \(bind: cutoff) ORDER BY time LIMIT \(unsafeRaw: String(Self.purgeBatch))\(unsafeRaw: skipLocked))
            """).run()
    }
}

private enum AttemptResult<Value: Sendable>: Sendable { case refused, failed(AppError), succeeded(Value) }

private struct ThrottleCount: Decodable { let count: Int }
