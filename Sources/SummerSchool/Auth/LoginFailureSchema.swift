import FluentKit
import SQLKit

/// `summer_login_failure` (decision 40): failed password logins per lower-cased username, times in UNIX
/// seconds, kept for the login throttle (`LoginThrottle`).
struct CreateSummerLoginFailure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_login_failure")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("time", .int64, .required)
            .create()
        try await database.sql.run([
            "CREATE INDEX IF NOT EXISTS summer_login_failure_name_time ON summer_login_failure (name, time)",
            "CREATE INDEX IF NOT EXISTS summer_login_failure_time ON summer_login_failure (time)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_login_failure").delete()
    }
}
