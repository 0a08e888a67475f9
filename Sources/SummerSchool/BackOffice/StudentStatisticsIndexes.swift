import FluentKit
import SQLKit

/// Indexes for the back office's student list filters and statistics (back office §4 A1, §5).
struct CreateSummerStudentStatisticsIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.run([
            // students_payed: COUNT(DISTINCT user_id) over CONFIRMED orders reads this index alone.
            "CREATE INDEX IF NOT EXISTS summer_order_status_user_stats ON summer_order (status, user_id)",
            // personal_file_num counts exactly the rows of this partial index.
            """
            CREATE INDEX IF NOT EXISTS summer_student_info_personal_file_stats ON summer_student_info (id) \
            WHERE first_name IS NOT NULL AND last_name IS NOT NULL AND id_number IS NOT NULL \
            AND major IS NOT NULL AND gpa IS NOT NULL
            """,
            // User-course records of one student, in id order (A4, A5).
            "CREATE INDEX IF NOT EXISTS summer_user_course_user_records ON summer_user_course (user_id, id)",
        ])
        guard sql.dialect.name == "postgresql" else { return }
        // Per-project figures start from a project's cart items: project → chart ids from the index alone
        // (SQLite's index on project_id already holds the row id).
        try await sql.run([
            "CREATE INDEX IF NOT EXISTS summer_shopping_chart_project_stats ON summer_shopping_chart (project_id, id)",
        ])
        // The student list filters are case-insensitive substring matches (`LOWER(col) LIKE '%…%'`), which
        // only trigram indexes can serve; SQLite has no equivalent and scans the profile table.
        struct Available: Decodable { let n: Int }
        let available = try await sql.raw("""
            SELECT COUNT(*) AS n FROM pg_available_extensions WHERE name = 'pg_trgm'
            """).first(decoding: Available.self)?.n ?? 0
        guard available > 0 else {
            database.logger.warning("pg_trgm is not available: the student list filters will scan summer_student_info")
            return
        }
        try await sql.run([
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE INDEX IF NOT EXISTS summer_student_info_name_filter_trgm ON summer_student_info USING gin (LOWER(name) gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS summer_student_info_email_filter_trgm ON summer_student_info USING gin (LOWER(email) gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS summer_student_info_wechat_filter_trgm ON summer_student_info USING gin (LOWER(wechat) gin_trgm_ops)",
        ])
    }

    func revert(on database: any Database) async throws {
        for index in [
            "summer_student_info_wechat_filter_trgm", "summer_student_info_email_filter_trgm", "summer_student_info_name_filter_trgm",
            "summer_user_course_user_records", "summer_student_info_personal_file_stats", "summer_shopping_chart_project_stats",
            "summer_order_status_user_stats",
        ] {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index)").run()
        }
    }
}
