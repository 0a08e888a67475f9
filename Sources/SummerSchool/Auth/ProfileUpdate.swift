import SQLKit

/// One `UPDATE` of the caller's profile with the sent fields (always touching `create_time`, which the
/// original updated on every save).
enum ProfileUpdate {
    static func apply(
        userID: Int, on sql: any SQLDatabase, _ fields: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let builder = sql.update("summer_student_info").set("create_time", to: SummerTime.now())
        try await fields(builder).where("user_id", .equal, userID).run()
    }
}
