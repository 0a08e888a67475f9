import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/user_course/...` (back office §4 E): course records, scores and course confirmation, for every
/// staff role. Records are created only by course selection and by `/admin/course/create_user_course/`, so
/// `POST /admin/user_course/` answers 405 (DV-19), as do writes to an item.
struct AdminUserCourseRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/user_course", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
        }
        routes.collection("/admin/user_course/add_score", access: .staff) { r in
            r.put { call in Reply.ok(try await Self.addScore(call)) }
        }
        routes.collection("/admin/user_course/confirm_course", access: .staff) { r in
            r.put { call in Reply.ok(try await Self.confirmCourse(call)) }
        }
        routes.item("/admin/user_course/{id}", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.detail(call)) }
        }
    }

    /// E1: every record, ascending id; `user` filters by user id (a value that is not an id gives no rows).
    static func list(_ call: SummerCall) async throws -> LinkedPage<AdminUserCourseItem> {
        let user = Self.userFilter(call.query())
        let query = PagedQuery(
            filter: { select in
                let base = select.from(SQLRaw("summer_user_course uc"))
                switch user {
                case .none: return base
                case .some(.some(let id)): return base.where(SQLRaw("uc.user_id"), .equal, SQLBind(id))
                case .some(.none): return base.where(SQLRaw("1 = 0"))
                }
            },
            select: { AdminUserCourseRow.joined($0).orderBy(SQLRaw("uc.id")) })
        return try await call.page(query, decoding: AdminUserCourseRow.self) { rows in
            rows.map { AdminUserCourseItem($0, mediaURL: call.mediaURL) }
        }
    }

    /// nil: no filter; .some(nil): a value that matches nothing; .some(id): that user.
    static func userFilter(_ query: RequestInput) -> Int?? {
        guard case .text(let values)? = query["user"], let text = values.last?.trimmingCharacters(in: .whitespaces),
              !text.isEmpty
        else { return nil }
        guard let id = Int(text), id >= Int(Int32.min), id <= Int(Int32.max) else { return .some(nil) }
        return .some(id)
    }

    /// E2.
    static func detail(_ call: SummerCall) async throws -> AdminUserCourseItem {
        guard let row = try await AdminUserCourseRow.find(try call.pathID(), on: call.sql) else { throw AppError.notFound }
        return AdminUserCourseItem(row, mediaURL: call.mediaURL)
    }

    /// E3: sets the score, its grade and the reporting time; the review status is left as it is.
    static func addScore(_ call: SummerCall) async throws -> AdminUserCourseItem {
        let reader = try await call.bodyReader(.replace)
        let key = try await AdminUserCourseKey(reader, on: call.sql)
        let score = try reader.int("score").requiredValue("score")
        let grade = try reader.string("score_grade", max: 30).requiredValue("score_grade")
        let row = try await call.database.transaction { sql in
            let record = try await key.lock(on: sql)
            let now = SummerTime.now()
            try await sql.raw("""
                UPDATE summer_user_course SET score = \(bind: score), score_grade = \(bind: grade), \
                reporting_time = \(bind: now), modified_time = \(bind: now) WHERE id = \(bind: record.id)
                """).run()
            return try await AdminUserCourseRow.find(record.id, on: sql)
        }
        guard let row else { throw AdminUserCourseKey.notFound }
        return AdminUserCourseItem(row, mediaURL: call.mediaURL)
    }

    static let noImageForVerdict = AppError.rule("用户还未上传审课图片，不能更改审课状态为通过或不通过")
    static let noImageForReview = AppError.rule("用户还未上传审课图片，管理员不能更改状态为待审核")

    /// E4: sets the review status. While the student has not uploaded the proof (TO_UPLOAD) only a repeat of
    /// TO_UPLOAD is allowed (DV-14); every other pair is, a reset to TO_UPLOAD included.
    static func confirmCourse(_ call: SummerCall) async throws -> AdminUserCourseItem {
        let reader = try await call.bodyReader(.replace)
        let key = try await AdminUserCourseKey(reader, on: call.sql)
        let status = try reader.choice("status", .userCourseStatus).requiredValue("status")
        let row = try await call.database.transaction { sql in
            let record = try await key.lock(on: sql)
            if record.status == CourseReviewState.toUpload.rawValue {
                switch CourseReviewState(rawValue: status) {
                case .pass, .noPass: throw Self.noImageForVerdict
                case .toConfirm: throw Self.noImageForReview
                case .toUpload, nil: break
                }
            }
            // Conditional on the status the rule was checked against (the row is locked, so it holds).
            let changed = try await sql.raw("""
                UPDATE summer_user_course SET status = \(bind: status), modified_time = \(bind: SummerTime.now()) \
                WHERE id = \(bind: record.id) AND status = \(bind: record.status) RETURNING id
                """).first()
            guard changed != nil else { throw AppError.serverFault }
            return try await AdminUserCourseRow.find(record.id, on: sql)
        }
        guard let row else { throw AdminUserCourseKey.notFound }
        return AdminUserCourseItem(row, mediaURL: call.mediaURL)
    }
}
