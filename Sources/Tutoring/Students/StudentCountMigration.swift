import FluentKit
import RegistrarCore
import SQLKit

/// Trigger-kept live-row count of students (`LiveCounts`): the unfiltered student/list reads its `total`
/// from one row instead of counting about 100,000 rows on every request.
struct CountLiveStudents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await LiveCounts.install(on: "tutoring_student", database.sql)
    }

    func revert(on database: any Database) async throws {
        try await LiveCounts.uninstall(from: "tutoring_student", database.sql)
    }
}
