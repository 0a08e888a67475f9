import RegistrarCore
import SQLKit

/// Seats of course offerings (decision 18): a course's `max_num` is counted per (project, course) pair, over
/// every selection of that offering — students' and admins' alike. Both the student selection
/// (`POST /source/user_course/`) and the admin assignment use this, inside their one transaction:
///
/// ```swift
/// try await call.database.transaction { sql in
///     // 1. lock the order row (a no-op conditional UPDATE … RETURNING)
///     let maxNum = try await OfferingCapacity.lockCourses(courseIDs, on: sql)   // 2. courses, ascending id
///     // 3. the endpoint's own checks (remaining count, duplicates)
///     try await OfferingCapacity.ensureSeats(projectID: p, courseIDs: courseIDs, maxNum: maxNum, on: sql)
///     // 4. insert the user_course rows
/// }
/// ```
/// Locking every course row before counting serialises concurrent selections of one course on PostgreSQL
/// (the count runs after the lock is granted, so it sees the other transaction's committed rows); SQLite
/// transactions already run one writer at a time (`BEGIN IMMEDIATE`).
enum OfferingCapacity {
    /// `课程id：{id} 名额已满` (decision 18), code 400, field_name `non_field_errors`.
    static func full(_ courseID: Int) -> AppError { AppError.rule("课程id：\(courseID) 名额已满") }

    /// Locks the course rows in ascending id order (one no-op `UPDATE … RETURNING` each, which works on both
    /// databases) and returns their `max_num` by id. Ids without a row are left out.
    static func lockCourses(_ courseIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: Int] {
        struct Locked: Decodable { let id: Int; let max_num: Int }
        var maxNum: [Int: Int] = [:]
        for id in Set(courseIDs).sorted() {
            if let row = try await sql.lockRow(
                "summer_course", touching: "modified_time", where: "id = \(bind: id)", returning: "id, max_num", as: Locked.self) {
                maxNum[row.id] = row.max_num
            }
        }
        return maxNum
    }

    /// Throws `full` for the first course of `courseIDs` (in their order) whose offering in `projectID` has no
    /// seat left for one more selection: taken seats + 1 > `max_num`. `maxNum` comes from `lockCourses`,
    /// which must have run in the same transaction. One query, whatever the number of courses.
    static func ensureSeats(projectID: Int, courseIDs: [Int], maxNum: [Int: Int], on sql: any SQLDatabase) async throws {
        guard !courseIDs.isEmpty else { return }
        let taken = try await takenSeats(projectID: projectID, courseIDs: courseIDs, on: sql)
        for id in courseIDs where (taken[id] ?? 0) + 1 > (maxNum[id] ?? 0) { throw full(id) }
    }

    /// Seats taken per course in one project's offerings.
    static func takenSeats(projectID: Int, courseIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: Int] {
        struct Taken: Decodable { let course_id: Int; let n: Int }
        let rows = try await sql.raw("""
            SELECT course_id, COUNT(*) AS n FROM summer_user_course WHERE project_id = \(bind: projectID) \
            AND course_id IN (\(binds: Array(Set(courseIDs)))) GROUP BY course_id
            """).all(decoding: Taken.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.course_id, $0.n) })
    }

    /// Locks and checks in one call, for a writer without checks between the two steps.
    static func reserve(projectID: Int, courseIDs: [Int], on sql: any SQLDatabase) async throws {
        let maxNum = try await lockCourses(courseIDs, on: sql)
        try await ensureSeats(projectID: projectID, courseIDs: courseIDs, maxNum: maxNum, on: sql)
    }
}
