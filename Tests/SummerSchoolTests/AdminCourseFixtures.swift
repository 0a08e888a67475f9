import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Students, paid orders and course records for the back-office course tests (a namespace of their own, so
/// they cannot clash with other modules' fixtures).
enum AdminCourseFixtures {
    /// A student with a named profile; returns (user id, student_info id).
    static func student(_ env: SummerTestEnv, _ username: String, name: String = "张三", email: String = "a@example.com", wechat: String = "wx1") async throws -> (user: Int, info: Int) {
        let user = try await env.makeUser(username, role: .student, profile: false)
        let info = try await env.makeProfile(userID: user, name: name, email: email, wechat: wechat)
        return (user, info)
    }

    /// An order of `userID` for `projectID` (one cart item of `courseNum` courses) in `status`.
    static func paidOrder(_ env: SummerTestEnv, userID: Int, projectID: Int, courseNum: Int = 2, status: String = "CONFIRMED") async throws -> Int {
        let chart = try await env.makeChart(userID: userID, projectID: projectID, courseNum: courseNum, courseFee: 100_000)
        return try await env.makeOrder(userID: userID, chartIDs: [chart], status: status)
    }

    /// Sets columns of a course record the student side writes (proof images, statuses).
    static func setRecord(_ env: SummerTestEnv, _ id: Int, confirmImg: String? = nil, switchImg: String? = nil, status: String? = nil, creditSwitchStatus: String? = nil) async throws {
        if let confirmImg { try await env.sql.raw("UPDATE summer_user_course SET confirm_img = \(bind: confirmImg) WHERE id = \(bind: id)").run() }
        if let switchImg { try await env.sql.raw("UPDATE summer_user_course SET switch_img = \(bind: switchImg) WHERE id = \(bind: id)").run() }
        if let status { try await env.sql.raw("UPDATE summer_user_course SET status = \(bind: status) WHERE id = \(bind: id)").run() }
        if let creditSwitchStatus {
            try await env.sql.raw("UPDATE summer_user_course SET credit_switch_status = \(bind: creditSwitchStatus) WHERE id = \(bind: id)").run()
        }
    }

    struct RecordColumns: Decodable, Equatable {
        let score: Int
        let score_grade: String?
        let reporting_time: Int64?
        let status: String
        let credit_switch_status: String
        let post_datetime: Int64?
        let post_channel: String?
        let post_number: String?
        let switch_img: String?
        let confirm_img: String?
    }

    /// The stored columns of a course record.
    static func record(_ env: SummerTestEnv, _ id: Int) async throws -> RecordColumns {
        try await env.sql.raw("""
            SELECT score, score_grade, reporting_time, status, credit_switch_status, post_datetime, post_channel, \
            post_number, switch_img, confirm_img FROM summer_user_course WHERE id = \(bind: id)
            """).first(decoding: RecordColumns.self)!
    }
}

/// Role checks shared by the back-office course tests: every staff role passes, a student gets the bare
/// `/admin` 403, no ticket the bare 401.
extension AdminCourseFixtures {
    static func checkStaffOnly(_ env: SummerTestEnv, _ client: any TestClientProtocol, paths: [String], file: StaticString = #filePath, line: UInt = #line) async throws {
        for (n, role) in [Role.admin, .market, .product, .finance].enumerated() {
            let staff = try await env.account("staff\(n)\(role.rawValue.lowercased())", role: role)
            for path in paths {
                let r = try await client.call(.get, path, ticket: staff.ticket)
                XCTAssertEqual(r.code, 0, "\(role) \(path): \(r.bodyText)", file: file, line: line)
            }
        }
        let student = try await env.account("student9rl", role: .student)
        for path in paths {
            let r = try await client.call(.get, path, ticket: student.ticket)
            XCTAssertEqual(r.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]), path, file: file, line: line)
            let put = try await client.call(.put, path, ticket: student.ticket, json: [:])
            XCTAssertEqual(put.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]), path, file: file, line: line)
            let anonymous = try await client.call(.get, path)
            XCTAssertEqual(anonymous.json, .object(["code": .int(401), "msg": .string("未登陆")]), path, file: file, line: line)
        }
    }
}
