import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// A small known data set and its figures worked out by hand (back office §5, decision 22).
///
/// Students s1…s5 have profiles, s6 has none; an ADMIN has a complete profile.
/// Orders (project lists are the orders' cart items):
///   s1: CONFIRMED [P1, P2], CANCELED [P1]        s2: CANCELED [P1]
///   s3: TO_PAY [P2], CONFIRMED [P3]              s4: CONFIRM_FAILED [P2, P3]
///   s5: none (a cart item of P4 never ordered)   s6: CONFIRMED [P1]
/// Campuses: C1 active {P1, P2, P4}, C2 inactive {P3 (inactive)}, C3 without projects.
///
/// students_num = 5 (s1…s5; the ADMIN's profile and s6 without profile do not count)
/// personal_file_num = 3 (s1; s3 whose first name is '' — set; the ADMIN — any role)
/// students_applyed = 5 (s1, s2, s3, s4, s6), students_payed = 3 (s1, s3, s6)
/// P1: applied {s1, s2, s6} = 3, paid {s1, s6} = 2 (s1's two orders count once)
/// P2: applied {s1, s3, s4} = 3, paid {s1} = 1
/// P3: applied {s3, s4} = 2, paid {s3} = 1
/// P4: 0 / 0
struct StatisticsDataSet {
    let admin: (id: Int, ticket: String)
    let students: [Int]
    let campuses: [Int]
    let projects: [Int]

    static func make(_ env: SummerTestEnv) async throws -> StatisticsDataSet {
        let admin = try await env.account("admin0001", role: .admin)
        try await env.makeProfile(userID: admin.id)
        try await env.fillProfile(userID: admin.id, firstName: "A", lastName: "B", idNumber: "1", major: "m", gpa: 3)
        try await env.makeUser("market001", role: .market)
        var s: [Int] = []
        for n in 1...6 { s.append(try await env.makeUser(String(format: "student%02d", n), profile: n <= 5)) }
        try await env.fillProfile(userID: s[0], firstName: "Yang", lastName: "Qi", idNumber: "5113", major: "CS", gpa: 3.5)
        try await env.fillProfile(userID: s[1], firstName: "Li", lastName: "Si", idNumber: "5114", major: "CS")  // no gpa
        try await env.fillProfile(userID: s[2], firstName: "", lastName: "", idNumber: "", major: "", gpa: 0)
        try await env.fillProfile(userID: s[3], graduateYear: "2018")

        let c1 = try await env.makeCampus("北京校区")
        let c2 = try await env.makeCampus("上海校区", active: false)
        let c3 = try await env.makeCampus("武汉校区")
        let p1 = try await env.makeProject(campusID: c1, name: "北京一期")
        let p2 = try await env.makeProject(campusID: c1, name: "北京二期")
        let p3 = try await env.makeProject(campusID: c2, name: "上海一期", active: false)
        let p4 = try await env.makeProject(campusID: c1, name: "北京三期")

        try await env.order(userID: s[0], projects: [p1, p2], status: "CONFIRMED")
        try await env.order(userID: s[0], projects: [p1], status: "CANCELED")
        try await env.order(userID: s[1], projects: [p1], status: "CANCELED")
        try await env.order(userID: s[2], projects: [p2], status: "TO_PAY")
        try await env.order(userID: s[2], projects: [p3], status: "CONFIRMED")
        try await env.order(userID: s[3], projects: [p2, p3], status: "CONFIRM_FAILED")
        try await env.makeChart(userID: s[4], projectID: p4)
        try await env.order(userID: s[5], projects: [p1], status: "CONFIRMED")
        return StatisticsDataSet(admin: admin, students: s, campuses: [c1, c2, c3], projects: [p1, p2, p3, p4])
    }
}

/// `/admin/statistics/...` (back office §4 D).
final class StatisticsTests: XCTestCase {
    func testStudentsOverviewMatchesHandCountedFigures() async throws {
        try await SummerTestEnv.run { env, client in
            let data = try await StatisticsDataSet.make(env)
            let staff = try await env.account("product01", role: .product)
            for ticket in [data.admin.ticket, staff.ticket] {
                let r = try await client.call(.get, "/admin/statistics/students_overview/", ticket: ticket)
                XCTAssertEqual(r.code, 0, r.bodyText)
                XCTAssertEqual(r.data, .object([
                    "students_num": .int(5), "personal_file_num": .int(3), "students_applyed": .int(5), "students_payed": .int(3)]))
            }
            // s4's rejected order becoming CONFIRMED makes a new payer, not a new applicant.
            try await env.sql.raw("UPDATE summer_order SET status = 'CONFIRMED' WHERE user_id = \(bind: data.students[3])").run()
            let after = try await client.call(.get, "/admin/statistics/students_overview", ticket: staff.ticket)
            XCTAssertEqual(after.data?["students_payed"]?.intValue, 4)
            XCTAssertEqual(after.data?["students_applyed"]?.intValue, 5)
        }
    }

    func testEmptyDatabaseGivesZeros() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let r = try await client.call(.get, "/admin/statistics/students_overview/", ticket: admin.ticket)
            XCTAssertEqual(r.data, .object([
                "students_num": .int(0), "personal_file_num": .int(0), "students_applyed": .int(0), "students_payed": .int(0)]))
            let emptyOverview = try await client.call(.get, "/admin/statistics/campus_overview/", ticket: admin.ticket).data
            XCTAssertEqual(emptyOverview, .array([]))
        }
    }

    func testCampusOverviewHasPerProjectFigures() async throws {
        try await SummerTestEnv.run { env, client in
            let data = try await StatisticsDataSet.make(env)
            let finance = try await env.account("finance01", role: .finance)
            let r = try await client.call(.get, "/admin/statistics/campus_overview/", ticket: finance.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let campuses = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(campuses.compactMap { $0["id"]?.intValue }, data.campuses)
            XCTAssertEqual(campuses[0].objectValue.map { Set($0.keys) }, ["id", "name", "info", "create_time", "project_set"])
            XCTAssertEqual(campuses[0]["name"]?.stringValue, "北京校区")
            XCTAssertEqual(campuses[0]["info"]?.stringValue, "针对国际业务")
            XCTAssertNotNil(campuses[0]["create_time"]?.stringValue)
            let p = data.projects
            func project(_ id: Int, _ name: String, _ applied: Int64, _ paid: Int64) -> JSONValue {
                .object(["id": .int(Int64(id)), "name": .string(name), "applyed_number": .int(applied), "payed_number": .int(paid)])
            }
            XCTAssertEqual(campuses[0]["project_set"], .array([project(p[0], "北京一期", 3, 2), project(p[1], "北京二期", 3, 1),
                                                               project(p[3], "北京三期", 0, 0)]))
            XCTAssertEqual(campuses[1]["project_set"], .array([project(p[2], "上海一期", 2, 1)]))
            XCTAssertEqual(campuses[2]["project_set"], .array([]))
        }
    }

    func testStudentListIsAdminOnlyAndShowsEveryProfile() async throws {
        try await SummerTestEnv.run { env, client in
            let data = try await StatisticsDataSet.make(env)
            let market = try await env.account("market002", role: .market)
            let student = try await env.ticket(for: data.students[0])
            let forbidden = try await client.call(.get, "/admin/statistics/", ticket: market.ticket)
            XCTAssertEqual(forbidden.code, 403)
            XCTAssertEqual(forbidden.msg, "您没有执行该操作的权限。")
            let studentReply = try await client.call(.get, "/admin/statistics/", ticket: student).json
            XCTAssertEqual(studentReply,
                           .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            // Overviews are for every staff role, not for students.
            let marketCode = try await client.call(.get, "/admin/statistics/campus_overview/", ticket: market.ticket).code
            XCTAssertEqual(marketCode, 0)
            let studentCode = try await client.call(.get, "/admin/statistics/students_overview/", ticket: student).code
            XCTAssertEqual(studentCode, 403)

            let r = try await client.call(.get, "/admin/statistics/?name=nobody", ticket: data.admin.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            // The ADMIN's own profile is listed here (not in /admin/user_info/), filters are ignored.
            XCTAssertEqual(r.data?["count"]?.intValue, 6)
            XCTAssertEqual(r.data?["results"]?.arrayValue?.compactMap { $0["user_id"]?.intValue },
                           [data.admin.id] + data.students.prefix(5))
            XCTAssertEqual(r.data?["results"]?[0]?.objectValue.map { Set($0.keys) },
                           ["user_id", "name", "email", "cschool", "last_login", "wechat", "personal_file", "channel"])
            let users = try await client.call(.get, "/admin/user_info/", ticket: data.admin.ticket)
            XCTAssertEqual(users.data?["count"]?.intValue, 5)
            // Not routed: item paths and other methods.
            let itemStatus = try await client.call(.get, "/admin/statistics/1/", ticket: data.admin.ticket).status
            XCTAssertEqual(itemStatus, .notFound)
            let postOverviewCode = try await client.call(.post, "/admin/statistics/students_overview/", ticket: data.admin.ticket, json: [:]).code
            XCTAssertEqual(postOverviewCode, 405)
            let postListCode = try await client.call(.post, "/admin/statistics/", ticket: data.admin.ticket, json: [:]).code
            XCTAssertEqual(postListCode, 405)
        }
    }
}

/// The indexes that serve the figures and the student list filters exist on both databases.
final class StatisticsIndexTests: XCTestCase {
    func testIndexesExist() async throws {
        try await SummerTestEnv.run { env, _ in
            struct Name: Decodable { let name: String }
            let names: Set<String>
            if TestDatabase.isPostgres {
                names = Set(try await env.sql.raw("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'")
                    .all(decoding: Name.self).map(\.name))
            } else {
                names = Set(try await env.sql.raw("SELECT name FROM sqlite_master WHERE type = 'index'")
                    .all(decoding: Name.self).map(\.name))
            }
            var expected: Set<String> = [
                "summer_order_status_user_stats", "summer_student_info_personal_file_stats", "summer_user_course_user_records",
            ]
            if TestDatabase.isPostgres {
                expected.formUnion([
                    "summer_shopping_chart_project_stats", "summer_student_info_name_filter_trgm",
                    "summer_student_info_email_filter_trgm", "summer_student_info_wechat_filter_trgm",
                ])
            }
            XCTAssertTrue(expected.isSubset(of: names), "missing: \(expected.subtracting(names))")
        }
    }
}
