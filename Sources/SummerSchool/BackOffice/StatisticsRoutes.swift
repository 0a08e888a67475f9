import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/statistics/...` (back office §4 D, §5): the product centre's figures, every one an SQL aggregate
/// (DV-9, DV-10), and the full student list.
struct StatisticsRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        // D3 shows every profile (staff ones too), so it is ADMIN-only like the student list (DV-11).
        routes.collection("/admin/statistics", access: .admin) { r in r.get(Self.students) }
        routes.collection("/admin/statistics/students_overview", access: .staff) { r in r.get(Self.studentsOverview) }
        routes.collection("/admin/statistics/campus_overview", access: .staff) { r in r.get(Self.campusOverview) }
    }

    // MARK: D1

    /// The four figures in one round trip, each its own aggregate (§5 D1).
    @Sendable static func studentsOverview(_ call: SummerCall) async throws -> some ResponseGenerator {
        let confirmed = OrderStatus.confirmed.rawValue
        let figures = try await call.sql.raw("""
            SELECT \
            (SELECT COUNT(*) FROM summer_student_info si JOIN summer_user u ON u.id = si.user_id \
            WHERE u.role = \(bind: Role.student.rawValue)) AS students_num, \
            (SELECT COUNT(*) FROM summer_student_info WHERE first_name IS NOT NULL AND last_name IS NOT NULL \
            AND id_number IS NOT NULL AND major IS NOT NULL AND gpa IS NOT NULL) AS personal_file_num, \
            (SELECT COUNT(DISTINCT user_id) FROM summer_order) AS students_applyed, \
            (SELECT COUNT(DISTINCT user_id) FROM summer_order WHERE status = \(bind: confirmed)) AS students_payed
            """).first(decoding: StudentsOverview.self)
        return Reply.ok(figures ?? StudentsOverview(students_num: 0, personal_file_num: 0, students_applyed: 0, students_payed: 0))
    }

    // MARK: D2

    /// Every campus (inactive included), ascending id, each with all its projects, ascending id, and their
    /// per-project figures (DV-9): three queries whatever the numbers.
    @Sendable static func campusOverview(_ call: SummerCall) async throws -> some ResponseGenerator {
        let sql = call.sql
        let campuses = try await sql.select().columns("id", "name", "info", "create_time").from("summer_campus")
            .orderBy("id", .ascending)
            .all(decoding: CampusOverview.CampusRow.self)
        let projects = try await sql.select().columns("id", "campus_id", "name").from("summer_project")
            .orderBy("id", .ascending)
            .all(decoding: CampusOverview.ProjectRow.self)
        let figures = try await ProjectFigures.load(projectIDs: nil, on: sql)
        let projectsByCampus = Dictionary(grouping: projects, by: \.campus_id)
        return Reply.ok(campuses.map { campus in
            CampusOverview(
                id: campus.id, name: campus.name, info: campus.info, create_time: Instant(campus.create_time),
                project_set: (projectsByCampus[campus.id] ?? []).map { project in
                    let counts = figures[project.id] ?? .init()
                    return CampusOverview.Project(
                        id: project.id, name: project.name, applyed_number: counts.applyed, payed_number: counts.payed)
                })
        })
    }

    // MARK: D3

    /// Every profile in the student list's shape; the list filters are ignored here (§4 D3).
    @Sendable static func students(_ call: SummerCall) async throws -> some ResponseGenerator {
        Reply.ok(try await StudentListing.page(call, hideAdmins: false, filters: []))
    }
}
