import FluentKit
import RegistrarCore
import SQLKit

extension LoginThrottle {
    /// §1.5: failures per trimmed login name, in `tutoring_login_failure`.
    static let tutoring = LoginThrottle(table: "tutoring_login_failure", lockSpace: 1, fieldName: "name")
}

/// An index on `tutoring_login_failure (time)`: failed logins purge expired rows of any name in batches
/// (`LoginThrottle`), which reads them oldest first.
struct IndexTutoringLoginFailureTime: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SchemaIndex.create(
            ["CREATE INDEX IF NOT EXISTS tutoring_login_failure_time ON tutoring_login_failure (time)"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SchemaIndex.drop(["tutoring_login_failure_time"], on: database)
    }
}
