import RegistrarCore
import SQLKit

/// A course record joined with its course and the student's profile (one query for any number of records).
struct AdminUserCourseRow: Decodable, Sendable {
    let id: Int
    let order_id: Int
    let course_id: Int
    let course_code: String
    let course_name: String
    let credit: Int
    let score: Int
    let score_grade: String?
    let reporting_time: Int64?
    let confirm_img: String?
    let status: String
    let info_user_id: Int?
    let info_name: String?
    let info_email: String?
    let info_wechat: String?

    static let columns = """
        uc.id, uc.order_id, uc.course_id, c.course_code, c.name AS course_name, c.credit, uc.score, uc.score_grade, \
        uc.reporting_time, uc.confirm_img, uc.status, si.user_id AS info_user_id, si.name AS info_name, \
        si.email AS info_email, si.wechat AS info_wechat
        """

    /// The course always exists (NOT NULL foreign key); the profile may not (DV-12).
    static func joined(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select.column(SQLRaw(columns))
            .join(SQLRaw("summer_course c"), method: SQLJoinMethod.inner, on: SQLRaw("c.id = uc.course_id"))
            .join(SQLRaw("summer_student_info si"), method: SQLJoinMethod.left, on: SQLRaw("si.user_id = uc.user_id"))
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> AdminUserCourseRow? {
        try await joined(sql.select()).from(SQLRaw("summer_user_course uc"))
            .where(SQLRaw("uc.id"), .equal, SQLBind(id))
            .first(decoding: AdminUserCourseRow.self)
    }
}

/// USER_COURSE of back office §4 E.
struct AdminUserCourseItem: Encodable, Sendable {
    struct Course: Encodable, Sendable {
        let id: Int
        let course_code: String
        let name: String
        let credit: Int
    }

    struct UserInfo: Encodable, Sendable {
        let user: Int
        let name: String
        let email: String
        let wechat: String
    }

    let id: Int
    let order: Int
    let course: Course
    let score: Int
    @Nullable var score_grade: String?
    let reporting_time: Instant
    @Nullable var confirm_img: String?
    @Nullable var status: Choice?
    @Nullable var user_info: UserInfo?

    /// `mediaURL` makes stored paths absolute (decision 27).
    init(_ row: AdminUserCourseRow, mediaURL: (String) -> String) {
        id = row.id
        order = row.order_id
        course = Course(id: row.course_id, course_code: row.course_code, name: row.course_name, credit: row.credit)
        score = row.score
        score_grade = row.score_grade
        reporting_time = Instant(row.reporting_time)
        confirm_img = row.confirm_img.flatMap { $0.isEmpty ? nil : mediaURL($0) }
        status = ChoiceSet.userCourseStatus.choice(row.status)
        if let user = row.info_user_id {
            user_info = UserInfo(user: user, name: row.info_name ?? "", email: row.info_email ?? "", wechat: row.info_wechat ?? "")
        }
    }
}
