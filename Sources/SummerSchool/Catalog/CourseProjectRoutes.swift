import Hummingbird
import RegistrarCore
import SQLKit

/// `POST /source/course_project/` (catalog spec S18): links a course to a project; ADMIN-only (D1).
struct CourseProjectRoutes: SummerRouteModule {
    static let duplicatePair = "字段 project, course 必须能构成唯一集合。"

    func register(_ routes: SummerRoutes) {
        routes.collection("/source/course_project") { r in
            r.post(access: .admin) { call in try await Self.create(call) }
        }
    }

    static func create(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let fields = try await CourseProjectFields(try await call.bodyReader(.create), on: call.sql)
        let (courseID, projectID) = (fields.course.value!, fields.project.value!)
        let now = SummerTime.now()
        // A concurrent link of the same pair may win the unique index after the check.
        try await RegistrarDatabase.mappingConstraintViolation {
            try await call.database.transaction { sql in
                if try await sql.raw("""
                    SELECT id FROM summer_course_project WHERE project_id = \(bind: projectID) AND course_id = \(bind: courseID)
                    """).first() != nil {
                    throw AppError.rule(duplicatePair)
                }
                try await sql.insertRow(NewCourseProject(
                    projectId: projectID, courseId: courseID, createTime: now, modifiedTime: now,
                    professor: fields.professor.value!, startTime: fields.startTime.value!, endTime: fields.endTime.value!,
                    address: fields.address.value!), into: "summer_course_project")
            }
        } to: { AppError.rule(duplicatePair) }
        return Reply.message("关联成功")
    }
}
