import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/project_result/{user_id}/`: credit transfer (back office §4 F, decision 20).
final class ProjectResultTests: XCTestCase {
    struct World {
        let admin: (id: Int, ticket: String)
        let student: (user: Int, info: Int)
        let older: Int
        let newer: Int
        let project: Int
        let course: Int
    }

    /// A student with two course records (the newer one is the default record).
    static func world(_ env: SummerTestEnv) async throws -> World {
        let admin = try await env.account("admin0001", role: .admin)
        let student = try await AdminCourseFixtures.student(env, "student01", name: "zxc", email: "x@163.com", wechat: "34343")
        let campus = try await env.makeCampus()
        let project = try await env.makeProject(campusID: campus)
        let art = try await env.makeCourse("ART 12")
        let math = try await env.makeCourse("MATH 1")
        try await env.offer(courseID: art, inProject: project)
        try await env.offer(courseID: math, inProject: project)
        let order = try await AdminCourseFixtures.paidOrder(env, userID: student.user, projectID: project)
        let older = try await env.makeUserCourse(userID: student.user, orderID: order, projectID: project, courseID: art, status: "PASS")
        let newer = try await env.makeUserCourse(userID: student.user, orderID: order, projectID: project, courseID: math, status: "PASS")
        return World(admin: admin, student: student, older: older, newer: newer, project: project, course: art)
    }

    static func notFound(_ msg: String, field: String = "") -> JSONValue {
        .object(["code": .int(404), "msg": .string(msg), "data": .object([:]), "field_name": .string(field)])
    }

    func testReadTheNewestOrTheNamedRecord() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let path = "/admin/project_result/\(w.student.user)/"
            let newest = try await client.call(.get, path, ticket: w.admin.ticket)
            XCTAssertEqual(newest.code, 0, newest.bodyText)
            XCTAssertEqual(newest.data, .object([
                "id": .int(Int64(w.newer)), "post_datetime": .null, "post_channel": .null, "post_number": .null,
                "status": .object(["key": .string("PRE_POSTED"), "verbose": .string("成绩待寄出")]), "img": .null,
                "user_info": .object(["id": .int(Int64(w.student.info)), "name": .string("zxc"), "email": .string("x@163.com"), "wechat": .string("34343")]),
            ]))
            let noSlash = try await client.call(.get, "/admin/project_result/\(w.student.user)", ticket: w.admin.ticket)
            XCTAssertEqual(noSlash.data, newest.data)

            try await AdminCourseFixtures.setRecord(env, w.older, switchImg: "project/result/photo/abc.png", creditSwitchStatus: "SUCCESS")
            let named = try await client.call(.get, "\(path)?user_course_id=\(w.older)", ticket: w.admin.ticket)
            XCTAssertEqual(named.data?["id"]?.intValue, w.older)
            XCTAssertEqual(named.data?["status"], .object(["key": .string("SUCCESS"), "verbose": .string("学分转换成功")]))
            let image = try XCTUnwrap(named.data?["img"]?.stringValue)
            XCTAssertTrue(image.hasPrefix("http") && image.hasSuffix("/media/project/result/photo/abc.png"), image)
            let empty = try await client.call(.get, "\(path)?user_course_id=", ticket: w.admin.ticket)
            XCTAssertEqual(empty.data?["id"]?.intValue, w.newer)

            // Another student's record, or no record id at all, is not this student's record.
            let other = try await AdminCourseFixtures.student(env, "student02")
            let otherOrder = try await AdminCourseFixtures.paidOrder(env, userID: other.user, projectID: w.project)
            let otherRecord = try await env.makeUserCourse(userID: other.user, orderID: otherOrder, projectID: w.project, courseID: w.course)
            for value in ["\(otherRecord)", "999", "abc", "1.5"] {
                let r = try await client.call(.get, "\(path)?user_course_id=\(value)", ticket: w.admin.ticket)
                XCTAssertEqual(r.json, Self.notFound("未找到选课记录", field: "user_course_id"), value)
            }
            // A user without records; users that do not exist.
            let none = try await AdminCourseFixtures.student(env, "student03")
            let noRecord = try await client.call(.get, "/admin/project_result/\(none.user)/", ticket: w.admin.ticket)
            XCTAssertEqual(noRecord.json, Self.notFound("未找到选课记录"))
            for id in ["999", "abc", "99999999999"] {
                let r = try await client.call(.get, "/admin/project_result/\(id)/", ticket: w.admin.ticket)
                XCTAssertEqual(r.json, Self.notFound("未找到用户信息"), id)
            }
            // No list route: an unmatched path.
            let list = try await client.call(.get, "/admin/project_result/", ticket: w.admin.ticket)
            XCTAssertEqual(list.status, .notFound)
            XCTAssertEqual(list.msg, "接口不存在")
            for method in [HTTPRequest.Method.post, .delete] {
                let r = try await client.call(method, path, ticket: w.admin.ticket)
                XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
        }
    }

    func testUpdateWritesTheCreditTransferColumns() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let path = "/admin/project_result/\(w.student.user)/"
            let put = try await client.call(.put, path, ticket: w.admin.ticket, json: [
                "post_datetime": "2017-07-25T08:00:00Z", "post_channel": " DHL ", "post_number": 56468987243131,
                "status": "POSTED", "img": "ignored.png", "id": 77,
            ])
            XCTAssertEqual(put.code, 0, put.bodyText)
            XCTAssertEqual(put.data?["id"]?.intValue, w.newer)
            XCTAssertEqual(put.data?["post_datetime"]?.stringValue, "2017-07-25T08:00:00Z")
            XCTAssertEqual(put.data?["post_channel"]?.stringValue, "DHL")
            XCTAssertEqual(put.data?["post_number"]?.stringValue, "56468987243131")
            XCTAssertEqual(put.data?["status"], .object(["key": .string("POSTED"), "verbose": .string("成绩单已寄出")]))
            XCTAssertEqual(put.data?["img"], .null)
            var stored = try await AdminCourseFixtures.record(env, w.newer)
            XCTAssertEqual(stored.credit_switch_status, "POSTED")
            XCTAssertEqual(stored.status, "PASS")  // the review status is another column
            XCTAssertEqual(stored.post_datetime, 1_500_969_600_000_000)
            XCTAssertNil(stored.switch_img)
            let untouched = try await AdminCourseFixtures.record(env, w.older)
            XCTAssertEqual(untouched.credit_switch_status, "PRE_POSTED")
            XCTAssertNil(untouched.post_channel)

            // PATCH: only what is sent; null clears; a naive time is UTC+8.
            let patch = try await client.call(.patch, path, ticket: w.admin.ticket, json: ["post_channel": NSNull(), "post_datetime": "2017-07-25 16:00"])
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["post_channel"], .null)
            XCTAssertEqual(patch.data?["post_number"]?.stringValue, "56468987243131")
            XCTAssertEqual(patch.data?["post_datetime"]?.stringValue, "2017-07-25T08:00:00Z")
            XCTAssertEqual(patch.data?["status"]?["key"]?.stringValue, "POSTED")

            // The record named in the body (decision 20), status as {key}.
            let named = try await client.call(.patch, path, ticket: w.admin.ticket, json: ["user_course_id": "\(w.older)", "status": ["key": "RECEIVED"]])
            XCTAssertEqual(named.code, 0, named.bodyText)
            XCTAssertEqual(named.data?["id"]?.intValue, w.older)
            XCTAssertEqual(named.data?["status"]?["key"]?.stringValue, "RECEIVED")
            stored = try await AdminCourseFixtures.record(env, w.newer)
            XCTAssertEqual(stored.credit_switch_status, "POSTED")
            let form = try await client.call(.put, path, ticket: w.admin.ticket, form: "user_course_id=\(w.older)&status=POSTED&post_number=&post_channel=EMS")
            XCTAssertEqual(form.code, 0, form.bodyText)
            XCTAssertEqual(form.data?["post_channel"]?.stringValue, "EMS")
            XCTAssertEqual(form.data?["post_number"], .null)
            let other = try await AdminCourseFixtures.student(env, "student02")
            let foreign = try await client.call(.patch, "/admin/project_result/\(other.user)/", ticket: w.admin.ticket,
                                                json: ["user_course_id": w.older, "status": "SUCCESS"])
            XCTAssertEqual(foreign.json, Self.notFound("未找到选课记录", field: "user_course_id"))
        }
    }

    func testSuccessOrFailureNeedsTheStudentsProof() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let path = "/admin/project_result/\(w.student.user)/"
            for status in ["SUCCESS", "FAILURE"] {
                let r = try await client.call(.put, path, ticket: w.admin.ticket, json: ["status": status, "post_channel": "DHL"])
                XCTAssertEqual(r.code, 400, status)
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, "用户还未上传学分转换证明，不能更改学分转换状态为成功或失败")
            }
            var stored = try await AdminCourseFixtures.record(env, w.newer)
            XCTAssertEqual(stored.credit_switch_status, "PRE_POSTED")
            XCTAssertNil(stored.post_channel)
            // Without a status change the rule does not apply.
            let patch = try await client.call(.patch, path, ticket: w.admin.ticket, json: ["post_number": "1"])
            XCTAssertEqual(patch.code, 0, patch.bodyText)

            try await AdminCourseFixtures.setRecord(env, w.newer, switchImg: "project/result/photo/p.png", creditSwitchStatus: "SUCCESS")
            let failure = try await client.call(.put, path, ticket: w.admin.ticket, json: ["status": "FAILURE"])
            XCTAssertEqual(failure.code, 0, failure.bodyText)
            XCTAssertEqual(failure.data?["status"]?["key"]?.stringValue, "FAILURE")
            XCTAssertEqual(failure.data?["img"]?.stringValue?.hasSuffix("/media/project/result/photo/p.png"), true)
            stored = try await AdminCourseFixtures.record(env, w.newer)
            XCTAssertEqual(stored.credit_switch_status, "FAILURE")
            XCTAssertEqual(stored.switch_img, "project/result/photo/p.png")
        }
    }

    func testFieldErrors() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let path = "/admin/project_result/\(w.student.user)/"
            let cases: [(HTTPRequest.Method, [String: Any], String, String)] = [
                (.put, [:], "status", "该字段是必填项。"),
                (.put, ["post_channel": "DHL"], "status", "该字段是必填项。"),
                (.patch, ["post_datetime": "2017-07-25", "status": "POSTED"], "post_datetime",
                 "日期时间格式错误。请从这些格式中选择：YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]。"),
                (.patch, ["post_datetime": 1_500_000_000], "post_datetime",
                 "日期时间格式错误。请从这些格式中选择：YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]。"),
                (.patch, ["post_channel": "  "], "post_channel", "该字段不能为空。"),
                (.patch, ["post_channel": String(repeating: "x", count: 31)], "post_channel", "请确保这个字段不能超过 30 个字符。"),
                (.patch, ["post_number": ["a"]], "post_number", "请填写合法的字符串。"),
                (.put, ["post_number": String(repeating: "1", count: 31), "status": "POSTED"], "post_number", "请确保这个字段不能超过 30 个字符。"),
                (.put, ["status": "SENT"], "status", "“SENT” 不是合法选项。"),
                (.patch, ["status": "TO_UPLOAD"], "status", "“TO_UPLOAD” 不是合法选项。"),
                (.patch, ["status": NSNull()], "status", "该字段不能为 null。"),
            ]
            for (method, body, field, msg) in cases {
                let r = try await client.call(method, path, ticket: w.admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            let stored = try await AdminCourseFixtures.record(env, w.newer)
            XCTAssertEqual(stored.credit_switch_status, "PRE_POSTED")
            XCTAssertNil(stored.post_datetime)
            // The user is looked up before the body is read.
            let unknown = try await client.call(.put, "/admin/project_result/999/", ticket: w.admin.ticket, json: ["status": "SENT"])
            XCTAssertEqual(unknown.json, Self.notFound("未找到用户信息"))
        }
    }

    func testEveryStaffRoleAndNoStudent() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let path = "/admin/project_result/\(w.student.user)/"
            try await AdminCourseFixtures.checkStaffOnly(env, client, paths: [path])
            let student = try await env.ticket(for: w.student.user)
            let own = try await client.call(.patch, path, ticket: student, json: ["status": "POSTED"])
            XCTAssertEqual(own.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let product = try await env.account("product01", role: .product)
            let r = try await client.call(.patch, path, ticket: product.ticket, json: ["status": "POSTED"])
            XCTAssertEqual(r.code, 0, r.bodyText)
        }
    }
}
