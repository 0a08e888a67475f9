import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/course/...` (back office §4 G), for every staff role: the course list and detail, edits of code,
/// name and credit, assigning a course to a student, and the number of uploads awaiting review.
/// `POST /admin/course/` and `DELETE /admin/course/{id}/` answer 405.
struct AdminCourseRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/course", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
        }
        routes.collection("/admin/course/create_user_course", access: .staff) { r in
            r.post { call in try await CourseAssignment.assign(call) }
        }
        routes.collection("/admin/course/course_to_confirm_count", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.toConfirmCount(call)) }
        }
        routes.item("/admin/course/{id}", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.detail(call)) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
        }
    }

    /// G1: every course, inactive ones included, ascending id; `pagination=false` is not honoured here.
    static func list(_ call: SummerCall) async throws -> LinkedPage<AdminCourseItem> {
        let query = PagedQuery(
            filter: { $0.from("summer_course") },
            select: { $0.column(SQLRaw(AdminCourseItem.columns)).orderBy("id") })
        return try await call.page(query, decoding: AdminCourseItem.self) { $0 }
    }

    /// G2.
    static func detail(_ call: SummerCall) async throws -> AdminCourseItem {
        guard let course = try await AdminCourseItem.find(try call.pathID(), on: call.sql) else { throw AppError.notFound }
        return course
    }

    /// G3: PUT replaces the three fields, PATCH the ones sent; `modified_time` is updated either way.
    static func update(_ call: SummerCall) async throws -> AdminCourseItem {
        let id = try call.pathID()
        guard try await AdminCourseItem.find(id, on: call.sql) != nil else { throw AppError.notFound }
        let fields = try await AdminCourseFields(try await call.bodyReader(call.writeMode), courseID: id, on: call.sql)
        // A concurrent edit may take the code first.
        let course = try await RegistrarDatabase.mappingConstraintViolation {
            try await call.database.transaction { sql in
                try await sql.patch("summer_course", id: id)
                    .set("modified_time", to: SQLBind(SummerTime.now()))
                    .set("course_code", ifSent: fields.courseCode)
                    .set("name", ifSent: fields.name)
                    .set("credit", ifSent: fields.credit)
                    .run()
                return try await AdminCourseItem.find(id, on: sql)
            }
        } to: { AppError.field("course_code", AdminCourseFields.codeTaken) }
        guard let course else { throw AppError.notFound }
        return course
    }

    struct ToConfirmCount: Encodable, Sendable { let course_to_confirm_count: Int }

    /// G5: records whose proof awaits review (TO_CONFIRM), counted on the status index.
    static func toConfirmCount(_ call: SummerCall) async throws -> ToConfirmCount {
        struct Count: Decodable { let n: Int }
        let count = try await call.sql.raw("""
            SELECT COUNT(*) AS n FROM summer_user_course WHERE status = \(bind: CourseReviewState.toConfirm.rawValue)
            """).first(decoding: Count.self)?.n ?? 0
        return ToConfirmCount(course_to_confirm_count: count)
    }
}
