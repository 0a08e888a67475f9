import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/course/...`: list, detail, edits and the review counter (back office §4 G1–G3, G5).
final class AdminCourseTests: XCTestCase {
    func testListAndDetail() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            var ids: [Int] = []
            for n in 0..<12 { ids.append(try await env.makeCourse(String(format: "C%02d", n), name: "课程\(n)", credit: n, active: n != 3)) }
            let page1 = try await client.call(.get, "/admin/course/?pagination=false", ticket: admin.ticket)
            XCTAssertEqual(page1.code, 0, page1.bodyText)
            XCTAssertEqual(page1.data?["count"]?.intValue, 12)  // inactive included, pagination=false ignored
            XCTAssertEqual(page1.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(ids.prefix(10)))
            XCTAssertEqual(page1.data?["results"]?[3], .object([
                "id": .int(Int64(ids[3])), "course_code": .string("C03"), "name": .string("课程3"), "credit": .int(3),
            ]))
            let page2 = try await client.call(.get, "/admin/course/?page=2", ticket: admin.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(ids.suffix(2)))
            XCTAssertEqual(page2.data?["next"], .null)
            let page3 = try await client.call(.get, "/admin/course/?page=3", ticket: admin.ticket)
            XCTAssertEqual(page3.msg, "无效页面。")

            let detail = try await client.call(.get, "/admin/course/\(ids[3])/", ticket: admin.ticket)
            XCTAssertEqual(detail.data, page1.data?["results"]?[3])
            for id in ["999", "abc", "1.5"] {
                let r = try await client.call(.get, "/admin/course/\(id)/", ticket: admin.ticket)
                XCTAssertEqual(r.code, 404, id)
            }
            let missing = try await client.call(.get, "/admin/course/999/", ticket: admin.ticket)
            XCTAssertEqual(missing.json, .object(["code": .int(404), "msg": .string("请求失败"), "data": .object([:]), "field_name": .string("")]))

            let post = try await client.call(.post, "/admin/course/", ticket: admin.ticket, json: ["course_code": "X", "name": "X", "credit": 1])
            XCTAssertEqual(post.json, .object(["code": .int(405), "msg": .string("方法 “POST” 不被允许。"), "data": .object([:]), "field_name": .string("")]))
            let delete = try await client.call(.delete, "/admin/course/\(ids[0])/", ticket: admin.ticket)
            XCTAssertEqual(delete.msg, "方法 “DELETE” 不被允许。")
            let courses = try await env.count("summer_course")
            XCTAssertEqual(courses, 12)
        }
    }

    func testUpdate() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let course = try await env.makeCourse("ART 12", name: "Western Art", maxNum: 30, credit: 4)
            try await env.makeCourse("MATH 1")
            struct Stored: Decodable { let modified_time: Int64; let max_num: Int; let is_active: Bool }
            func stored() async throws -> Stored {
                try await env.sql.raw("SELECT modified_time, max_num, is_active FROM summer_course WHERE id = \(bind: course)").first(decoding: Stored.self)!
            }
            let before = try await stored()
            let put = try await client.call(.put, "/admin/course/\(course)/", ticket: admin.ticket, json: [
                "course_code": " ART 13 ", "name": "Eastern Art", "credit": "5", "max_num": 1, "is_active": false, "id": 9,
            ])
            XCTAssertEqual(put.code, 0, put.bodyText)
            XCTAssertEqual(put.data, .object([
                "id": .int(Int64(course)), "course_code": .string("ART 13"), "name": .string("Eastern Art"), "credit": .int(5),
            ]))
            let after = try await stored()
            XCTAssertGreaterThan(after.modified_time, before.modified_time)
            XCTAssertEqual(after.max_num, 30)  // not writable here
            XCTAssertTrue(after.is_active)

            let patch = try await client.call(.patch, "/admin/course/\(course)/", ticket: admin.ticket, json: ["credit": -2])
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["credit"]?.intValue, -2)
            XCTAssertEqual(patch.data?["course_code"]?.stringValue, "ART 13")
            let own = try await client.call(.patch, "/admin/course/\(course)/", ticket: admin.ticket, json: ["course_code": "ART 13"])
            XCTAssertEqual(own.code, 0, own.bodyText)
            let detail = try await client.call(.get, "/admin/course/\(course)/", ticket: admin.ticket)
            XCTAssertEqual(detail.data?["name"]?.stringValue, "Eastern Art")

            let cases: [(HTTPRequest.Method, [String: Any], String, String)] = [
                (.put, [:], "course_code", "该字段是必填项。"),
                (.put, ["course_code": "X1"], "name", "该字段是必填项。"),
                (.put, ["course_code": "X1", "name": "n"], "credit", "该字段是必填项。"),
                (.patch, ["course_code": "MATH 1"], "course_code", "课程代码已存在"),
                (.patch, ["course_code": "  "], "course_code", "该字段不能为空。"),
                (.patch, ["course_code": String(repeating: "c", count: 31)], "course_code", "请确保这个字段不能超过 30 个字符。"),
                (.patch, ["course_code": NSNull()], "course_code", "该字段不能为 null。"),
                (.patch, ["name": String(repeating: "名", count: 256)], "name", "请确保这个字段不能超过 255 个字符。"),
                (.patch, ["name": ""], "name", "该字段不能为空。"),
                (.patch, ["credit": NSNull()], "credit", "该字段不能为 null。"),
                (.patch, ["credit": "abc"], "credit", "请填写合法的整数值。"),
                (.patch, ["credit": 1.5], "credit", "请填写合法的整数值。"),
                (.patch, ["credit": 2_147_483_648], "credit", "请确保该值小于或者等于 2147483647。"),
                (.patch, ["credit": -2_147_483_649], "credit", "请确保该值大于或者等于 -2147483648。"),
            ]
            for (method, body, field, msg) in cases {
                let r = try await client.call(method, "/admin/course/\(course)/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            let unchanged = try await client.call(.get, "/admin/course/\(course)/", ticket: admin.ticket)
            XCTAssertEqual(unchanged.data, patch.data)
            // The lookup comes before the body.
            let unknown = try await client.call(.put, "/admin/course/999/", ticket: admin.ticket, json: [:])
            XCTAssertEqual(unknown.code, 404)
            XCTAssertEqual(unknown.msg, "请求失败")
        }
    }

    /// G3 edits show wherever the course appears, e.g. in the course records.
    func testEditsShowInCourseRecords() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await AdminUserCourseTests.world(env)
            let r = try await client.call(.patch, "/admin/course/\(w.art)/", ticket: w.admin.ticket, json: ["name": "Modern Art", "credit": 6])
            XCTAssertEqual(r.code, 0, r.bodyText)
            let record = try await client.call(.get, "/admin/user_course/\(w.artRecord)/", ticket: w.admin.ticket)
            XCTAssertEqual(record.data?["course"]?["name"]?.stringValue, "Modern Art")
            XCTAssertEqual(record.data?["course"]?["credit"]?.intValue, 6)
        }
    }

    func testToConfirmCount() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await AdminUserCourseTests.world(env)
            let path = "/admin/course/course_to_confirm_count/"
            let zero = try await client.call(.get, path, ticket: w.admin.ticket)
            XCTAssertEqual(zero.json, .object(["code": .int(0), "msg": .string("请求成功"), "data": .object(["course_to_confirm_count": .int(0)]), "field_name": .string("")]))
            try await AdminCourseFixtures.setRecord(env, w.artRecord, status: "TO_CONFIRM")
            try await AdminCourseFixtures.setRecord(env, w.mathRecord, status: "PASS")
            let other = try await AdminCourseFixtures.student(env, "student02")
            let order = try await AdminCourseFixtures.paidOrder(env, userID: other.user, projectID: w.project)
            let record = try await env.makeUserCourse(userID: other.user, orderID: order, projectID: w.project, courseID: w.art, status: "TO_CONFIRM")
            XCTAssertGreaterThan(record, 0)
            let two = try await client.call(.get, "/admin/course/course_to_confirm_count", ticket: w.admin.ticket)
            XCTAssertEqual(two.data, .object(["course_to_confirm_count": .int(2)]))
            let post = try await client.call(.post, path, ticket: w.admin.ticket)
            XCTAssertEqual(post.msg, "方法 “POST” 不被允许。")
        }
    }

    func testEveryStaffRoleAndNoStudent() async throws {
        try await SummerTestEnv.run { env, client in
            let course = try await env.makeCourse("ART 12")
            try await AdminCourseFixtures.checkStaffOnly(env, client, paths: ["/admin/course/", "/admin/course/\(course)/", "/admin/course/course_to_confirm_count/"])
            let student = try await env.account("student01", role: .student)
            let patch = try await client.call(.patch, "/admin/course/\(course)/", ticket: student.ticket, json: ["name": "x"])
            XCTAssertEqual(patch.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let market = try await env.account("market01", role: .market)
            let r = try await client.call(.patch, "/admin/course/\(course)/", ticket: market.ticket, json: ["name": "x"])
            XCTAssertEqual(r.code, 0, r.bodyText)
        }
    }

    func testListRunsABoundedNumberOfQueries() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            try await env.makeCourse("C00")
            func queries(_ path: String) async throws -> Int {
                let counter = QueryCounter()
                let r = try await counter.counting { try await client.call(.get, path, ticket: admin.ticket) }
                XCTAssertEqual(r.code, 0, r.bodyText)
                return counter.count
            }
            let one = try await queries("/admin/course/")
            for n in 1...12 { try await env.makeCourse(String(format: "C%02d", n)) }
            let full = try await queries("/admin/course/")
            XCTAssertEqual(full, one)
            XCTAssertLessThanOrEqual(full, 3)
        }
    }

    /// The filters of these pages are served by indexes (SQLite's plan; PostgreSQL picks plans by table size).
    func testFiltersUseIndexes() async throws {
        try await SummerTestEnv.run { env, _ in
            guard env.database.isSQLite else { return }
            struct Plan: Decodable { let detail: String }
            let statements = [
                ("SELECT COUNT(*) FROM summer_user_course WHERE status = 'TO_CONFIRM'", "summer_user_course_status"),
                ("SELECT id FROM summer_user_course uc WHERE uc.user_id = 1 ORDER BY uc.id LIMIT 10", "summer_user_course_user_records"),
                ("SELECT id FROM summer_user_course WHERE user_id = 1 ORDER BY id DESC LIMIT 1", "summer_user_course_user_records"),
                ("SELECT COUNT(*) FROM summer_user_course WHERE project_id = 1 AND course_id = 2", "summer_user_course_offering"),
                ("SELECT COUNT(*) FROM summer_user_course WHERE order_id = 1 AND project_id = 2", "summer_user_course_order"),
            ]
            for (statement, index) in statements {
                let plan = try await env.sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + statement)).all(decoding: Plan.self)
                let text = plan.map(\.detail).joined(separator: "; ")
                XCTAssertTrue(text.contains(index), "\(statement): \(text)")
                XCTAssertFalse(text.contains("USE TEMP B-TREE"), "\(statement): \(text)")
            }
        }
    }
}
