import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// The caller's selections and course records: S19, S21, S22, S23 and S25 (GET).
final class UserCourseListTests: XCTestCase {
    func testRawListIsTheCallersOwnPaginated() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 3, courseCount: 12)
            let other = try await world.classmate(env, username: "student02")
            var mine: [Int] = []
            for course in world.courses {
                mine.append(try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: course))
                try await env.makeUserCourse(userID: other.student, orderID: other.order, projectID: world.project, courseID: course)
            }
            let page1 = try await client.call(.get, "/source/user_course/", ticket: world.ticket)
            XCTAssertEqual(page1.code, 0, page1.bodyText)
            XCTAssertEqual(page1.data?["count"]?.intValue, 12)
            let results = try XCTUnwrap(page1.data?["results"]?.arrayValue)
            XCTAssertEqual(results.count, 10)
            XCTAssertEqual(results[0], .object(["id": .int(Int64(mine[0])), "order": .int(Int64(world.order))]))
            XCTAssertEqual(results.compactMap { $0["id"]?.intValue }, Array(mine.prefix(10)))
            XCTAssertEqual(page1.data?["next"]?.stringValue?.hasSuffix("/source/user_course/?page=2"), true, page1.bodyText)
            let page2 = try await client.call(.get, "/source/user_course/?page=2", ticket: world.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(mine.suffix(2)))
            let past = try await client.call(.get, "/source/user_course/?page=3", ticket: world.ticket)
            XCTAssertEqual(past.code, 404)
            XCTAssertEqual(past.msg, "无效页面。")

            let stranger = try await env.account("student03", role: .student)
            let none = try await client.call(.get, "/source/user_course/", ticket: stranger.ticket)
            XCTAssertEqual(none.data?["count"]?.intValue, 0)
            XCTAssertEqual(none.data?["results"], .array([]))
        }
    }

    func testCurrentCoursesInfo() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 3)
            let (a, b, c) = (world.courses[0], world.courses[1], world.courses[2])
            // A second project in the same order, nothing selected yet.
            let second = try await env.makeProject(campusID: world.campus, name: "第二项目")
            let secondChart = try await env.makeChart(userID: world.student, projectID: second, courseNum: 1)
            try await env.sql.raw("INSERT INTO summer_order_chart (order_id, chart_id) VALUES (\(bind: world.order), \(bind: secondChart))").run()
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: b)
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: a)
            // A selection whose course lost its offering is left out.
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: c)
            try await env.sql.raw("DELETE FROM summer_course_project WHERE course_id = \(bind: c)").run()
            // Orders that are not CONFIRMED are not listed.
            let pendingChart = try await env.makeChart(userID: world.student, projectID: second)
            try await env.makeOrder(userID: world.student, chartIDs: [pendingChart], status: "TO_CONFIRM")
            // Another student's confirmed order and selection stay theirs.
            let other = try await world.classmate(env, username: "student02")
            try await env.makeUserCourse(userID: other.student, orderID: other.order, projectID: world.project, courseID: a)

            let r = try await client.call(.get, "/source/user_course/current_courses_info/", ticket: world.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let entries = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(entries.count, 2)
            XCTAssertEqual(entries[0]["project"], .object(["id": .int(Int64(world.project)), "name": .string("项目-student01")]))
            XCTAssertEqual(entries[0]["order"], .object(["id": .int(Int64(world.order))]))
            XCTAssertEqual(entries[0]["chart_id"]?.intValue, world.chart)
            XCTAssertEqual(entries[0]["course_num"]?.intValue, 3)
            XCTAssertEqual(entries[0]["current_course_num"]?.intValue, 2)
            let courses = try XCTUnwrap(entries[0]["current_courses"]?.arrayValue)
            XCTAssertEqual(courses.compactMap { $0["id"]?.intValue }, [b, a], "ascending selection id")
            XCTAssertEqual(courses[0], .object([
                "id": .int(Int64(b)), "course_code": .string("student01-C1"), "name": .string("Course 1"),
                "professor": .string("Prof 1"), "start_time": .string("2026-01-01"), "end_time": .string("2026-01-10"),
                "address": .string("Room 1"),
            ]))
            XCTAssertEqual(entries[1]["chart_id"]?.intValue, secondChart)
            XCTAssertEqual(entries[1]["project"]?["name"]?.stringValue, "第二项目")
            XCTAssertEqual(entries[1]["current_courses"], .array([]))
            XCTAssertEqual(entries[1]["course_num"]?.intValue, 1)
            XCTAssertEqual(entries[1]["current_course_num"]?.intValue, 0)

            // A project without a name shows `null`.
            try await env.sql.raw("UPDATE summer_project SET name = NULL WHERE id = \(bind: second)").run()
            let unnamed = try await client.call(.get, "/source/user_course/current_courses_info/", ticket: world.ticket)
            XCTAssertEqual(unnamed.data?[1]?["project"], .object(["id": .int(Int64(second)), "name": .null]))

            let stranger = try await env.account("student03", role: .student)
            let none = try await client.call(.get, "/source/user_course/current_courses_info/", ticket: stranger.ticket)
            XCTAssertEqual(none.data, .array([]))
        }
    }

    func testMyScores() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 2)
            let first = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[1])
            let second = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            // Scores entered by staff (back office E3): score, grade and reporting time.
            try await env.sql.raw("""
                UPDATE summer_user_course SET score = 88, score_grade = 'A', reporting_time = 1500969663000000 \
                WHERE id = \(bind: first)
                """).run()
            let other = try await world.classmate(env, username: "student02")
            try await env.makeUserCourse(userID: other.student, orderID: other.order, projectID: world.project, courseID: world.courses[0])
            // Every order counts here, confirmed or not.
            struct Course: Decodable { let create_time: Int64 }
            let course = try await env.sql.raw("SELECT create_time FROM summer_course WHERE id = \(bind: world.courses[1])").first(decoding: Course.self)!

            let r = try await client.call(.get, "/source/user_course/my_scores/", ticket: world.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let items = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(items.compactMap { $0["id"]?.intValue }, [first, second])
            XCTAssertEqual(items[0], .object([
                "id": .int(Int64(first)),
                "course": .object([
                    "id": .int(Int64(world.courses[1])), "course_code": .string("student01-C1"), "name": .string("Course 1"),
                    "max_num": .int(100), "credit": .int(4), "create_time": .string(SummerTime.render(course.create_time)),
                ]),
                "score": .int(88), "score_grade": .string("A"), "reporting_time": .string("2017-07-25T08:01:03Z"),
            ]))
            XCTAssertEqual(items[1]["score"]?.intValue, 0)
            XCTAssertEqual(items[1]["score_grade"], .null)
            XCTAssertEqual(items[1]["reporting_time"], .null)

            let stranger = try await env.account("student03", role: .student)
            let none = try await client.call(.get, "/source/user_course/my_scores/", ticket: stranger.ticket)
            XCTAssertEqual(none.data, .array([]))
        }
    }

    func testCourseReviewAndCreditTransferOverviews() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(publicBaseURL: "https://apply.example.com/", mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 2)
            let (a, b) = (world.courses[0], world.courses[1])
            let first = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: a)
            try await env.makeUserCourse(
                userID: world.student, orderID: world.order, projectID: world.project, courseID: b, status: "PASS",
                creditSwitchStatus: "SUCCESS")
            try await env.sql.raw("""
                UPDATE summer_user_course SET confirm_img = 'course/confirm_img/abc.png', \
                switch_img = 'project/result/photo/def.jpg' WHERE id <> \(bind: first)
                """).run()

            let review = try await client.call(.get, "/source/user_course/student_confirm_course/", ticket: world.ticket)
            XCTAssertEqual(review.code, 0, review.bodyText)
            let entry = try XCTUnwrap(review.data?[0])
            XCTAssertEqual(entry.objectValue.map { Set($0.keys) }, ["project", "order", "chart_id", "current_courses"])
            XCTAssertEqual(entry["project"]?["id"]?.intValue, world.project)
            XCTAssertEqual(entry["order"], .object(["id": .int(Int64(world.order))]))
            XCTAssertEqual(entry["chart_id"]?.intValue, world.chart)
            let reviewCourses = try XCTUnwrap(entry["current_courses"]?.arrayValue)
            XCTAssertEqual(reviewCourses.count, 2)
            XCTAssertEqual(reviewCourses[0]["status"], .object(["key": .string("TO_UPLOAD"), "verbose": .string("待上传")]))
            XCTAssertEqual(reviewCourses[0]["confirm_img"], .null)
            XCTAssertEqual(reviewCourses[1]["status"], .object(["key": .string("PASS"), "verbose": .string("通过")]))
            XCTAssertEqual(reviewCourses[1]["confirm_img"]?.stringValue, "https://apply.example.com/media/course/confirm_img/abc.png")
            XCTAssertEqual(reviewCourses[1].objectValue.map { Set($0.keys) }, [
                "id", "course_code", "name", "professor", "start_time", "end_time", "address", "status", "confirm_img"])
            XCTAssertNil(reviewCourses[1]["credit_switch_status"])

            let credit = try await client.call(.get, "/source/user_course/course_credit_switch/", ticket: world.ticket)
            XCTAssertEqual(credit.code, 0, credit.bodyText)
            let creditCourses = try XCTUnwrap(credit.data?[0]?["current_courses"]?.arrayValue)
            XCTAssertEqual(creditCourses[0]["credit_switch_status"], .object(["key": .string("PRE_POSTED"), "verbose": .string("成绩待寄出")]))
            XCTAssertEqual(creditCourses[0]["switch_img"], .null)
            XCTAssertEqual(creditCourses[1]["credit_switch_status"], .object(["key": .string("SUCCESS"), "verbose": .string("学分转换成功")]))
            XCTAssertEqual(creditCourses[1]["switch_img"]?.stringValue, "https://apply.example.com/media/project/result/photo/def.jpg")
            XCTAssertEqual(creditCourses[1].objectValue.map { Set($0.keys) }, [
                "id", "course_code", "name", "professor", "start_time", "end_time", "address", "credit_switch_status", "switch_img"])
            XCTAssertNil(credit.data?[0]?["course_num"])

            // Another student sees none of it.
            let other = try await world.classmate(env, username: "student02")
            for path in ["/source/user_course/student_confirm_course/", "/source/user_course/course_credit_switch/"] {
                let theirs = try await client.call(.get, path, ticket: other.ticket)
                XCTAssertEqual(theirs.data?.arrayValue?.count, 1, path)
                XCTAssertEqual(theirs.data?[0]?["order"]?["id"]?.intValue, other.order, path)
                XCTAssertEqual(theirs.data?[0]?["current_courses"], .array([]), path)
            }
        }
    }

    func testListsNeedLogin() async throws {
        try await SummerTestEnv.run { _, client in
            for path in [
                "/source/user_course/", "/source/user_course/current_courses_info/", "/source/user_course/my_scores/",
                "/source/user_course/student_confirm_course/", "/source/user_course/course_credit_switch/",
            ] {
                let r = try await client.call(.get, path)
                XCTAssertEqual(r.code, 401, path)
                XCTAssertEqual(r.json, .object(["code": .int(401), "msg": .string("未登陆")]), path)
            }
        }
    }

    /// Every list runs as many queries for many rows as for one.
    func testListsRunABoundedNumberOfQueries() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 12, courseCount: 12)
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let paths = [
                "/source/user_course/", "/source/user_course/current_courses_info/", "/source/user_course/my_scores/",
                "/source/user_course/student_confirm_course/", "/source/user_course/course_credit_switch/",
            ]
            var single: [Int] = []
            for path in paths { single.append(try await Self.queries(client, path, ticket: world.ticket)) }

            for course in world.courses.dropFirst() {
                try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: course)
            }
            for index in 0..<5 {
                let project = try await env.makeProject(campusID: world.campus, name: "项目\(index)")
                try await env.offer(courseID: world.courses[index], inProject: project)
                let chart = try await env.makeChart(userID: world.student, projectID: project, courseNum: 1)
                let order = try await env.makeOrder(userID: world.student, chartIDs: [chart], status: "CONFIRMED")
                try await env.makeUserCourse(userID: world.student, orderID: order, projectID: project, courseID: world.courses[index])
            }
            let many = try await client.call(.get, "/source/user_course/current_courses_info/", ticket: world.ticket)
            XCTAssertEqual(many.data?.arrayValue?.count, 6)
            XCTAssertEqual(many.data?[0]?["current_courses"]?.arrayValue?.count, 12)
            for (path, expected) in zip(paths, single) {
                let count = try await Self.queries(client, path, ticket: world.ticket)
                XCTAssertEqual(count, expected, "\(path) ran \(count) queries for many rows, \(expected) for one")
                XCTAssertLessThanOrEqual(count, 4, path)
            }
        }
    }

    private static func queries(_ client: any TestClientProtocol, _ path: String, ticket: String) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await client.call(.get, path, ticket: ticket) }
        XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
        return counter.count
    }
}
