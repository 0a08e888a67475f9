import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/user_info/...` (back office §4 A): students, their remarks, course confirmations and scores.
/// ADMIN-only. `{id}` is a user id; profiles of ADMIN accounts are not students here. Editing a student
/// (PUT/PATCH) is not supported (DV-19, decision 26): unrouted methods answer 405.
struct StudentInfoRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/user_info", access: .admin) { r in r.get(Self.list) }
        routes.item("/admin/user_info/{id}", access: .admin) { r in r.get(Self.detail) }
        routes.item("/admin/user_info/{id}/add_remark", access: .admin) { r in r.post(Self.addRemark) }
        routes.item("/admin/user_info/{id}/confirm_course", access: .admin) { r in r.get(Self.confirmCourses) }
        routes.item("/admin/user_info/{id}/scores", access: .admin) { r in r.get(Self.scores) }
    }

    static let notFound = AppError(code: 404, msg: "未找到user_info实例")

    /// The `{id}` of the path as a user id; a non-integer is the lookup failure too (DV-4).
    static func userID(_ call: SummerCall) throws -> Int {
        guard let text = call.context.parameters.get("id"), let id = Int(text), id >= 1, id <= Int(Int32.max)
        else { throw notFound }
        return id
    }

    /// The student's profile id, or 404 when the user has none or is an ADMIN.
    static func profileID(userID: Int, on sql: any SQLDatabase) async throws -> Int {
        struct Found: Decodable { let id: Int }
        guard let found = try await sql.raw("""
            SELECT si.id FROM summer_student_info si JOIN summer_user u ON u.id = si.user_id \
            WHERE si.user_id = \(bind: userID) AND u.role <> \(bind: Role.admin.rawValue)
            """).first(decoding: Found.self)
        else { throw notFound }
        return found.id
    }

    // MARK: A1

    @Sendable static func list(_ call: SummerCall) async throws -> some ResponseGenerator {
        let filters = StudentListing.filters(call.query())
        return Reply.ok(try await StudentListing.page(call, hideAdmins: true, filters: filters))
    }

    // MARK: A2

    /// Read-only: shows the existing consultant or null, never assigns one (DV-2, decision 25).
    @Sendable static func detail(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try userID(call)
        let sql = call.sql
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: StudentDetail.Row.columns) FROM summer_student_info si \
            JOIN summer_user u ON u.id = si.user_id \
            WHERE si.user_id = \(bind: userID) AND u.role <> \(bind: Role.admin.rawValue)
            """).first(decoding: StudentDetail.Row.self)
        else { throw notFound }

        let remarks = try await sql.raw("""
            SELECT id, remark, create_time FROM summer_user_info_remark WHERE user_info_id = \(bind: row.id) ORDER BY id
            """).all(decoding: StudentRemark.Row.self)
        let coupons = try await sql.raw("""
            SELECT uc.user_id AS "user", c.id, c.info, c.start_time, c.end_time, c.coupon_code, c.amount \
            FROM summer_user_coupon uc JOIN summer_coupon c ON c.id = uc.coupon_id \
            WHERE uc.user_id = \(bind: userID) AND uc.status = \(bind: CouponUseStatus.toUse.rawValue) ORDER BY uc.id
            """).all(decoding: StudentCoupon.Row.self)
        let channels = try await StudentChannel.load(ids: row.channel_ref.map { [$0] } ?? [], on: sql)
        let consultant = try await sql.raw("""
            SELECT s.id, s.name, s.email, s.wechat, s.qr_code FROM summer_sales_man_user l \
            JOIN summer_sales_man s ON s.id = l.sales_man_id WHERE l.user_id = \(bind: userID) ORDER BY s.id LIMIT 1
            """).first(decoding: ConsultantAssignment.ConsultantRow.self)
        var campuses: [StudentCampus]?
        if let ids = StudentCampus.ids(in: row.wcampus) {
            campuses = try await campusRows(ids: ids, on: sql)
        }

        return Reply.ok(StudentDetail(
            user_id: row.user_id, name: row.name, email: row.email, first_name: row.first_name,
            last_name: row.last_name, gender: ProfileGender(row.gender, in: .gender), id_number: row.id_number,
            wechat: row.wechat, cschool: row.cschool, wcampus: campuses, major: row.major,
            graduate_year: row.graduate_year, gpa: row.gpa, user_info_remark: remarks.map(StudentRemark.init),
            user_coupon: coupons.isEmpty ? nil : coupons.map(StudentCoupon.init),
            channel: row.channel_ref.flatMap { channels[$0] },
            sales_man: consultant.map {
                ConsultantView(id: $0.id, name: $0.name, email: $0.email,
                               qr_code: $0.qr_code.isEmpty ? nil : call.mediaURL($0.qr_code), wechat: $0.wechat)
            }))
    }

    /// The campuses with `ids`, ascending id, duplicates collapsed, unknown ids skipped.
    static func campusRows(ids: [Int], on sql: any SQLDatabase) async throws -> [StudentCampus] {
        let unique = Array(Set(ids.filter { $0 >= Int(Int32.min) && $0 <= Int(Int32.max) }))
        guard !unique.isEmpty else { return [] }
        let rows = try await sql.select().columns("id", "name", "info", "create_time").from("summer_campus")
            .where("id", .in, SQLBind.group(unique)).orderBy("id")
            .all(decoding: StudentCampus.Row.self)
        return rows.map { StudentCampus(id: $0.id, name: $0.name, info: $0.info, create_time: Instant($0.create_time)) }
    }

    // MARK: A3

    /// Any `user_info` in the body is ignored: the remark goes to the student of the path.
    @Sendable static func addRemark(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try userID(call)
        _ = try await profileID(userID: userID, on: call.sql)
        let input = try await call.bodyReader(.create)
        let remark = try input.string("remark", max: 255).value!
        let now = SummerTime.now()
        // The insert selects the profile again, so a profile removed meanwhile is a 404, not a broken reference.
        let row = try await call.database.transaction { sql in
            try await sql.raw("""
                INSERT INTO summer_user_info_remark (user_info_id, remark, create_time) \
                SELECT si.id, \(bind: remark), \(bind: now) FROM summer_student_info si \
                JOIN summer_user u ON u.id = si.user_id \
                WHERE si.user_id = \(bind: userID) AND u.role <> \(bind: Role.admin.rawValue) \
                RETURNING id, remark, create_time
                """).first(decoding: StudentRemark.Row.self)
        }
        guard let row else { throw notFound }
        return Reply.ok(StudentRemark(row))
    }

    // MARK: A4

    /// Every course record of the student, ascending id, not paginated (DV-6: project and course from the
    /// record itself).
    @Sendable static func confirmCourses(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try userID(call)
        _ = try await profileID(userID: userID, on: call.sql)
        let rows = try await call.sql.raw("""
            SELECT uc.id, uc.user_id, uc.confirm_img, uc.status, p.id AS project_id, p.name AS project_name, \
            c.id AS course_id, c.name AS course_name, c.course_code \
            FROM summer_user_course uc JOIN summer_project p ON p.id = uc.project_id \
            JOIN summer_course c ON c.id = uc.course_id \
            WHERE uc.user_id = \(bind: userID) ORDER BY uc.id
            """).all(decoding: StudentConfirmCourse.Row.self)
        return Reply.ok(rows.map { StudentConfirmCourse($0, mediaURL: call.mediaURL) })
    }

    // MARK: A5

    /// The student's scores, ascending record id, not paginated; dates from the course's offering in the
    /// record's project (null when the offering is gone).
    @Sendable static func scores(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = try userID(call)
        _ = try await profileID(userID: userID, on: call.sql)
        let rows = try await call.sql.raw("""
            SELECT uc.id, p.name AS project_name, c.course_code, cp.start_time, cp.end_time, uc.score, \
            uc.score_grade, uc.user_id, uc.order_id, uc.course_id \
            FROM summer_user_course uc JOIN summer_project p ON p.id = uc.project_id \
            JOIN summer_course c ON c.id = uc.course_id \
            LEFT JOIN summer_course_project cp ON cp.project_id = uc.project_id AND cp.course_id = uc.course_id \
            WHERE uc.user_id = \(bind: userID) ORDER BY uc.id
            """).all(decoding: StudentScore.Row.self)
        return Reply.ok(rows.map(StudentScore.init))
    }
}
