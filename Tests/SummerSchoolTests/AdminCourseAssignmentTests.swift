import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `POST /admin/course/create_user_course/` (back office G4, decision 18).
final class AdminCourseAssignmentTests: XCTestCase {
    static let path = "/admin/course/create_user_course/"

    struct World {
        let admin: (id: Int, ticket: String)
        let student: (user: Int, info: Int)
        let campus: Int
        let project: Int
        let course: Int
        let order: Int
    }

    static func world(_ env: SummerTestEnv, maxNum: Int = 100, courseNum: Int = 2) async throws -> World {
        let admin = try await env.account("admin0001", role: .admin)
        let student = try await AdminCourseFixtures.student(env, "student01")
        let campus = try await env.makeCampus()
        let project = try await env.makeProject(campusID: campus)
        let course = try await env.makeCourse("ART 12", maxNum: maxNum)
        try await env.offer(courseID: course, inProject: project)
        let order = try await AdminCourseFixtures.paidOrder(env, userID: student.user, projectID: project, courseNum: courseNum)
        return World(admin: admin, student: student, campus: campus, project: project, course: course, order: order)
    }

    struct Record: Decodable {
        let user_id: Int
        let course_id: Int
        let order_id: Int
        let project_id: Int
        let score: Int
        let score_grade: String?
        let reporting_time: Int64?
        let confirm_img: String?
        let status: String
        let post_datetime: Int64?
        let post_channel: String?
        let post_number: String?
        let credit_switch_status: String
        let switch_img: String?
    }

    static func records(_ env: SummerTestEnv) async throws -> [Record] {
        try await env.sql.raw("""
            SELECT user_id, course_id, order_id, project_id, score, score_grade, reporting_time, confirm_img, status, \
            post_datetime, post_channel, post_number, credit_switch_status, switch_img FROM summer_user_course ORDER BY id
            """).all(decoding: Record.self)
    }

    static func rule(_ msg: String) -> JSONValue {
        .object(["code": .int(400), "msg": .string(msg), "data": .object([:]), "field_name": .string("non_field_errors")])
    }

    func testAssignCreatesARecordUnderTheOrdersProject() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            // A second project in the order that does not offer the course, listed first.
            let otherProject = try await env.makeProject(campusID: w.campus, name: "暑期课程")
            let r = try await client.call(.post, Self.path, ticket: w.admin.ticket,
                                          json: ["course": w.course, "order": "\(w.order)", "user": w.student.user])
            XCTAssertEqual(r.json, .object(["code": .int(0), "msg": .string("选课成功"), "data": .object([:]), "field_name": .string("")]))
            let rows = try await Self.records(env)
            XCTAssertEqual(rows.count, 1)
            let row = try XCTUnwrap(rows.first)
            XCTAssertEqual([row.user_id, row.course_id, row.order_id, row.project_id], [w.student.user, w.course, w.order, w.project])
            XCTAssertNotEqual(row.project_id, otherProject)
            XCTAssertEqual(row.score, 0)
            XCTAssertEqual(row.status, "TO_UPLOAD")
            XCTAssertEqual(row.credit_switch_status, "PRE_POSTED")
            XCTAssertNil(row.score_grade ?? row.confirm_img ?? row.post_channel ?? row.post_number ?? row.switch_img)
            XCTAssertNil(row.reporting_time ?? row.post_datetime)
            // The record shows in the back office's record list.
            let list = try await client.call(.get, "/admin/user_course/?user=\(w.student.user)", ticket: w.admin.ticket)
            XCTAssertEqual(list.data?["count"]?.intValue, 1)
            XCTAssertEqual(list.data?["results"]?[0]?["status"]?["key"]?.stringValue, "TO_UPLOAD")

            let form = try await env.makeCourse("MATH 1")
            try await env.offer(courseID: form, inProject: w.project)
            let viaForm = try await client.call(.post, Self.path, ticket: w.admin.ticket, form: "course=\(form)&order=\(w.order)&user=\(w.student.user)")
            XCTAssertEqual(viaForm.msg, "选课成功", viaForm.bodyText)
            for method in [HTTPRequest.Method.get, .put] {
                let m = try await client.call(method, Self.path, ticket: w.admin.ticket)
                XCTAssertEqual(m.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
        }
    }

    func testFieldErrors() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let valid: [String: Any] = ["course": w.course, "order": w.order, "user": w.student.user]
            let cases: [([String: Any], String, String)] = [
                ([:], "course", "该字段是必填项。"),
                (["course": w.course], "order", "该字段是必填项。"),
                (["course": w.course, "order": w.order], "user", "该字段是必填项。"),
                (valid.merging(["course": 999]) { $1 }, "course", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["order": 999]) { $1 }, "order", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["user": 999]) { $1 }, "user", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["user": "abc"]) { $1 }, "user", "类型错误。期望为主键，得到的类型为 str。"),
                (valid.merging(["order": [1]]) { $1 }, "order", "类型错误。期望为主键，得到的类型为 list。"),
                (valid.merging(["course": NSNull()]) { $1 }, "course", "该字段不能为 null。"),
            ]
            for (body, field, msg) in cases {
                let r = try await client.call(.post, Self.path, ticket: w.admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            let rows = try await env.count("summer_user_course")
            XCTAssertEqual(rows, 0)
        }
    }

    func testOrderChecks() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            // 1: the order must be the user's.
            let other = try await AdminCourseFixtures.student(env, "student02")
            let foreign = try await client.call(.post, Self.path, ticket: w.admin.ticket, json: ["course": w.course, "order": w.order, "user": other.user])
            XCTAssertEqual(foreign.json, Self.rule("订单不存在"))
            // 2–5: the order's status.
            for (status, msg) in [
                ("TO_CONFIRM", "订单已支付但未确认, 请联系管理员确认订单"), ("TO_PAY", "订单尚未支付"), ("CANCELED", "订单已被取消"),
                ("CONFIRM_FAILED", "管理员已确认订单支付认证失败，不能进行任何更新操作"),
            ] {
                let order = try await AdminCourseFixtures.paidOrder(env, userID: w.student.user, projectID: w.project, status: status)
                let r = try await client.call(.post, Self.path, ticket: w.admin.ticket, json: ["course": w.course, "order": order, "user": w.student.user])
                XCTAssertEqual(r.json, Self.rule(msg), status)
            }
            let rows = try await env.count("summer_user_course")
            XCTAssertEqual(rows, 0)
        }
    }

    func testCourseAndLimitChecks() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env, courseNum: 2)
            func assign(_ course: Int, order: Int? = nil, user: Int? = nil) async throws -> TestResponse {
                try await client.call(.post, Self.path, ticket: w.admin.ticket,
                                      json: ["course": course, "order": order ?? w.order, "user": user ?? w.student.user])
            }
            // 6: inactive, or not offered by a project of the order.
            let inactive = try await env.makeCourse("OLD 1", active: false)
            try await env.offer(courseID: inactive, inProject: w.project)
            let elsewhere = try await env.makeCourse("FAR 1")
            let otherProject = try await env.makeProject(campusID: w.campus, name: "别的项目")
            try await env.offer(courseID: elsewhere, inProject: otherProject)
            for course in [inactive, elsewhere] {
                let r = try await assign(course)
                XCTAssertEqual(r.json, Self.rule("课程id：\(course) 传入有误"))
            }
            // 8: already selected.
            let first = try await assign(w.course)
            XCTAssertEqual(first.code, 0, first.bodyText)
            let again = try await assign(w.course)
            XCTAssertEqual(again.json, Self.rule("已选该课程，不能重复选择"))
            // 7: the cart item's course count is used up (2 courses bought).
            let second = try await env.makeCourse("SEC 1")
            let third = try await env.makeCourse("THI 1")
            try await env.offer(courseID: second, inProject: w.project)
            try await env.offer(courseID: third, inProject: w.project)
            let ok = try await assign(second)
            XCTAssertEqual(ok.code, 0, ok.bodyText)
            let full = try await assign(third)
            XCTAssertEqual(full.json, Self.rule("已达到订单最大选课数，不能再继续选课"))
            let rows = try await env.count("summer_user_course")
            XCTAssertEqual(rows, 2)
        }
    }

    /// Decision 18: capacity per (project, course) offering, for admins as for students.
    func testCapacityIsCountedPerOffering() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env, maxNum: 1)
            // A selection of the same course in another project takes a seat of that offering only.
            let otherProject = try await env.makeProject(campusID: w.campus, name: "别的项目")
            try await env.offer(courseID: w.course, inProject: otherProject)
            let elsewhere = try await AdminCourseFixtures.student(env, "student02")
            let elsewhereOrder = try await AdminCourseFixtures.paidOrder(env, userID: elsewhere.user, projectID: otherProject)
            try await env.makeUserCourse(userID: elsewhere.user, orderID: elsewhereOrder, projectID: otherProject, courseID: w.course)
            let first = try await client.call(.post, Self.path, ticket: w.admin.ticket, json: ["course": w.course, "order": w.order, "user": w.student.user])
            XCTAssertEqual(first.code, 0, first.bodyText)
            // The offering is now full.
            let late = try await AdminCourseFixtures.student(env, "student03")
            let lateOrder = try await AdminCourseFixtures.paidOrder(env, userID: late.user, projectID: w.project)
            let refused = try await client.call(.post, Self.path, ticket: w.admin.ticket, json: ["course": w.course, "order": lateOrder, "user": late.user])
            XCTAssertEqual(refused.json, Self.rule("课程id：\(w.course) 名额已满"))
            let rows = try await env.count("summer_user_course")
            XCTAssertEqual(rows, 2)
        }
    }

    /// Simultaneous assignments of one offering never exceed `max_num`.
    func testConcurrentAssignmentsNeverOversubscribe() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env, maxNum: 3)
            var bodies: [[String: Any]] = []
            for n in 0..<8 {
                let student = try await AdminCourseFixtures.student(env, "racer\(n)")
                let order = try await AdminCourseFixtures.paidOrder(env, userID: student.user, projectID: w.project)
                bodies.append(["course": w.course, "order": order, "user": student.user])
            }
            // The same assignment twice at once: one record.
            bodies.append(["course": w.course, "order": w.order, "user": w.student.user])
            bodies.append(["course": w.course, "order": w.order, "user": w.student.user])
            let admin = w.admin.ticket
            let messages = try await withThrowingTaskGroup(of: String?.self) { group in
                for body in bodies {
                    let payload = body.mapValues { "\($0)" }
                    group.addTask { try await client.call(.post, Self.path, ticket: admin, json: payload).msg }
                }
                var all: [String?] = []
                for try await msg in group { all.append(msg) }
                return all
            }
            XCTAssertEqual(messages.filter { $0 == "选课成功" }.count, 3, "\(messages)")
            let refusals = Set(messages.filter { $0 != "选课成功" })
            XCTAssertTrue(refusals.isSubset(of: ["课程id：\(w.course) 名额已满", "已选该课程，不能重复选择"]), "\(refusals)")
            struct Count: Decodable { let n: Int }
            let taken = try await env.sql.raw("""
                SELECT COUNT(*) AS n FROM summer_user_course WHERE project_id = \(bind: w.project) AND course_id = \(bind: w.course)
                """).first(decoding: Count.self)!.n
            XCTAssertEqual(taken, 3)
            let duplicates = try await env.sql.raw("""
                SELECT COUNT(*) AS n FROM summer_user_course WHERE order_id = \(bind: w.order)
                """).first(decoding: Count.self)!.n
            XCTAssertLessThanOrEqual(duplicates, 1)
        }
    }

    func testEveryStaffRoleAndNoStudent() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let body: [String: Any] = ["course": w.course, "order": w.order, "user": w.student.user]
            let student = try await env.ticket(for: w.student.user)
            let own = try await client.call(.post, Self.path, ticket: student, json: body)
            XCTAssertEqual(own.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let anonymous = try await client.call(.post, Self.path, json: body)
            XCTAssertEqual(anonymous.json, .object(["code": .int(401), "msg": .string("未登陆")]))
            let none = try await env.count("summer_user_course")
            XCTAssertEqual(none, 0)
            for (n, role) in [Role.admin, .market, .product, .finance].enumerated() {
                let staff = try await env.account("assigner\(n)", role: role)
                let course = try await env.makeCourse("R\(n)")
                try await env.offer(courseID: course, inProject: w.project)
                let order = try await AdminCourseFixtures.paidOrder(env, userID: w.student.user, projectID: w.project)
                let r = try await client.call(.post, Self.path, ticket: staff.ticket, json: ["course": course, "order": order, "user": w.student.user])
                XCTAssertEqual(r.msg, "选课成功", "\(role): \(r.bodyText)")
            }
        }
    }
}
