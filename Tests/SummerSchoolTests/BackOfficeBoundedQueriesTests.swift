import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// The back office's lists and objects run the same number of queries for one row as for a full page.
final class BackOfficeBoundedQueriesTests: XCTestCase {
    private static func queries(_ client: any TestClientProtocol, _ path: String, ticket: String) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await client.call(.get, path, ticket: ticket) }
        XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
        return counter.count
    }

    /// One more student with a channel (own or through the openid), a remark, a coupon, a campus, a project, an
    /// order and a course record; all belong to `first` too where the detail routes show them.
    private static func addRows(_ env: SummerTestEnv, n: Int, first: Int, salesMan: Int) async throws {
        let student = try await env.makeUser(String(format: "student%02d", n))
        let channel = try await env.makeChannel("渠道\(n)", salesManID: salesMan)
        try await env.fillProfile(userID: student, name: "学生\(n)", email: "s\(n)@x.com", wechat: "wx\(n)",
                                  openid: "openid-\(n)", channelID: n % 2 == 0 ? channel : nil)
        try await env.linkChannel(openid: "openid-\(n)", userID: student, channelID: channel)
        let campus = try await env.makeCampus("校区\(n)")
        let project = try await env.makeProject(campusID: campus, name: "项目\(n)")
        let course = try await env.makeCourse("CODE\(n)")
        try await env.offer(courseID: course, inProject: project)
        for user in Set([student, first]) {
            let order = try await env.order(userID: user, projects: [project], status: n % 3 == 0 ? "CONFIRMED" : "TO_PAY")
            try await env.makeUserCourse(userID: user, orderID: order, projectID: project, courseID: course)
        }
        let coupon = try await env.makeCoupon("COUPON\(n)")
        try await env.giveCoupon(userID: first, couponID: coupon)
        try await env.sql.raw("""
            INSERT INTO summer_user_info_remark (user_info_id, remark, create_time) \
            SELECT id, \(bind: "备注\(n)"), \(bind: SummerTime.now()) FROM summer_student_info WHERE user_id = \(bind: first)
            """).run()
        var campuses = (try await env.sql.raw("SELECT id FROM summer_campus ORDER BY id").all(decoding: ID.self)).map(\.id)
        campuses.append(999)
        try await env.sql.raw("""
            UPDATE summer_student_info SET wcampus = \(bind: "[" + campuses.map(String.init).joined(separator: ",") + "]") \
            WHERE user_id = \(bind: first)
            """).run()
    }

    private struct ID: Decodable { let id: Int }

    func testBackOfficeRunsTheSameQueriesForOneRowAndForAFullPage() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await env.makeSalesMan()
            let first = try await env.makeUser("student00")
            try await env.linkSalesMan(userID: first, salesManID: salesMan)
            let paths = [
                "/admin/user_info/", "/admin/user_info/?name=%E5%AD%A6%E7%94%9F&email=x.com&wechat=wx",
                "/admin/user_info/\(first)/", "/admin/user_info/\(first)/confirm_course/", "/admin/user_info/\(first)/scores/",
                "/admin/statistics/", "/admin/statistics/students_overview/", "/admin/statistics/campus_overview/",
                "/admin/project/", "/admin/project/?pagination=false", "/admin/student/score_info/\(first)/",
            ]
            try await Self.addRows(env, n: 1, first: first, salesMan: salesMan)
            var single: [Int] = []
            for path in paths { single.append(try await Self.queries(client, path, ticket: admin.ticket)) }

            for n in 2...12 { try await Self.addRows(env, n: n, first: first, salesMan: salesMan) }
            let full = try await client.call(.get, "/admin/user_info/", ticket: admin.ticket)
            XCTAssertEqual(full.data?["results"]?.arrayValue?.count, 10)
            XCTAssertEqual(full.data?["results"]?.arrayValue?.filter { $0["channel"] != .null }.count, 9)
            let detail = try await client.call(.get, "/admin/user_info/\(first)/", ticket: admin.ticket)
            XCTAssertEqual(detail.data?["wcampus"]?.arrayValue?.count, 12)
            XCTAssertEqual(detail.data?["user_coupon"]?.arrayValue?.count, 12)
            for (path, expected) in zip(paths, single) {
                let count = try await Self.queries(client, path, ticket: admin.ticket)
                XCTAssertEqual(count, expected, "\(path) ran \(count) queries for many rows, \(expected) for one")
                XCTAssertLessThanOrEqual(count, 7, path)
            }
            // The login check plus exactly one statement: the four student figures are one round trip of
            // aggregates; the campus overview is campuses, projects and one grouped query of figures.
            let counter = QueryCounter()
            let missing = try await counter.counting { try await client.call(.get, "/admin/user_info/99999/", ticket: admin.ticket) }
            XCTAssertEqual(missing.code, 404)
            let oneStatement = counter.count
            XCTAssertEqual(single[paths.firstIndex(of: "/admin/statistics/students_overview/")!], oneStatement)
            XCTAssertEqual(single[paths.firstIndex(of: "/admin/statistics/campus_overview/")!], oneStatement + 2)
        }
    }
}
