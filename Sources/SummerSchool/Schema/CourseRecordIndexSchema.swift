import FluentKit
import SQLKit

/// Indexes of the back office's course-record pages: the user filter of `GET /admin/user_course/` (ascending id)
/// and the newest record of a student for credit transfer (`admin/project_result`).
struct CreateSummerCourseRecordIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.run([
            "CREATE INDEX summer_user_course_of_user ON summer_user_course (user_id, id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql.run(["DROP INDEX IF EXISTS summer_user_course_of_user"])
    }
}
