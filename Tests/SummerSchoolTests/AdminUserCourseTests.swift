import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/user_course/...`: list, detail, scores and course confirmation (back office §4 E).
final class AdminUserCourseTests: XCTestCase {
    struct World {
        let admin: (id: Int, ticket: String)
        let student: (user: Int, info: Int)
        let project: Int
        let art: Int
        let math: Int
        let order: Int
        let artRecord: Int
        let mathRecord: Int
    }

    /// A student with a paid order holding two course records, and an admin.
    static func world(_ env: SummerTestEnv) async throws -> World {
        let admin = try await env.account("admin0001", role: .admin)
        let student = try await AdminCourseFixtures.student(env, "student01", name: "张三", email: "x@163.com", wechat: "34343")
        let campus = try await env.makeCampus()
        let project = try await env.makeProject(campusID: campus)
        let art = try await env.makeCourse("ART 12", name: "Western Art", credit: 4)
        let math = try await env.makeCourse("MATH 1", name: "Calculus", credit: 3)
        try await env.offer(courseID: art, inProject: project)
        try await env.offer(courseID: math, inProject: project)
        let order = try await AdminCourseFixtures.paidOrder(env, userID: student.user, projectID: project)
        let artRecord = try await env.makeUserCourse(userID: student.user, orderID: order, projectID: project, courseID: art)
        let mathRecord = try await env.makeUserCourse(userID: student.user, orderID: order, projectID: project, courseID: math)
        return World(admin: admin, student: student, project: project, art: art, math: math, order: order,
                     artRecord: artRecord, mathRecord: mathRecord)
    }

    func testListAndDetail() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            try await AdminCourseFixtures.setRecord(env, w.artRecord, confirmImg: "course/confirm_img/a1b2c3d4-e5f.png", status: "TO_CONFIRM")
            // A student without a profile (DV-12: user_info null).
            let bare = try await env.makeUser("student02", role: .student, profile: false)
            let bareOrder = try await AdminCourseFixtures.paidOrder(env, userID: bare, projectID: w.project)
            let bareRecord = try await env.makeUserCourse(userID: bare, orderID: bareOrder, projectID: w.project, courseID: w.art)

            let list = try await client.call(.get, "/admin/user_course/", ticket: w.admin.ticket)
            XCTAssertEqual(list.code, 0, list.bodyText)
            XCTAssertEqual(list.data?["count"]?.intValue, 3)
            XCTAssertEqual(list.data?["next"], .null)
            let results = try XCTUnwrap(list.data?["results"]?.arrayValue)
            XCTAssertEqual(results.compactMap { $0["id"]?.intValue }, [w.artRecord, w.mathRecord, bareRecord])
            let first = results[0]
            XCTAssertEqual(first.objectValue?.keys.sorted(), [
                "confirm_img", "course", "id", "order", "reporting_time", "score", "score_grade", "status", "user_info",
            ])
            XCTAssertEqual(first["order"]?.intValue, w.order)
            XCTAssertEqual(first["course"], .object([
                "id": .int(Int64(w.art)), "course_code": .string("ART 12"), "name": .string("Western Art"), "credit": .int(4),
            ]))
            XCTAssertEqual(first["score"]?.intValue, 0)
            XCTAssertEqual(first["score_grade"], .null)
            XCTAssertEqual(first["reporting_time"], .null)
            let image = try XCTUnwrap(first["confirm_img"]?.stringValue)
            XCTAssertTrue(image.hasPrefix("http"), image)
            XCTAssertTrue(image.hasSuffix("/media/course/confirm_img/a1b2c3d4-e5f.png"), image)
            XCTAssertEqual(first["status"], .object(["key": .string("TO_CONFIRM"), "verbose": .string("待审核")]))
            XCTAssertEqual(first["user_info"], .object([
                "user": .int(Int64(w.student.user)), "name": .string("张三"), "email": .string("x@163.com"), "wechat": .string("34343"),
            ]))
            XCTAssertEqual(results[1]["confirm_img"], .null)
            XCTAssertEqual(results[1]["status"], .object(["key": .string("TO_UPLOAD"), "verbose": .string("待上传")]))
            XCTAssertEqual(results[2]["user_info"], .null)

            let detail = try await client.call(.get, "/admin/user_course/\(w.artRecord)/", ticket: w.admin.ticket)
            XCTAssertEqual(detail.code, 0)
            XCTAssertEqual(detail.data, first)
            let noSlash = try await client.call(.get, "/admin/user_course/\(w.artRecord)", ticket: w.admin.ticket)
            XCTAssertEqual(noSlash.data, first)
            for path in ["/admin/user_course/999/", "/admin/user_course/abc/", "/admin/user_course/99999999999/"] {
                let missing = try await client.call(.get, path, ticket: w.admin.ticket)
                XCTAssertEqual(missing.json, .object(["code": .int(404), "msg": .string("请求失败"), "data": .object([:]), "field_name": .string("")]), path)
            }

            // The user filter: exact id; an empty value is ignored; anything else matches nothing.
            let filtered: [(String, [Int])] = [
                ("user=\(bare)", [bareRecord]), ("user=\(w.student.user)", [w.artRecord, w.mathRecord]),
                ("user=", [w.artRecord, w.mathRecord, bareRecord]), ("user=abc", []), ("user=999", []), ("user=1.5", []),
                ("search=x&ordering=-id", [w.artRecord, w.mathRecord, bareRecord]),
            ]
            for (query, ids) in filtered {
                let r = try await client.call(.get, "/admin/user_course/?\(query)", ticket: w.admin.ticket)
                XCTAssertEqual(r.code, 0, query)
                XCTAssertEqual(r.data?["count"]?.intValue, ids.count, query)
                XCTAssertEqual(r.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, ids, query)
            }
            for page in ["2", "0", "x"] {
                let r = try await client.call(.get, "/admin/user_course/?page=\(page)", ticket: w.admin.ticket)
                XCTAssertEqual(r.code, 404, page)
                XCTAssertEqual(r.msg, "无效页面。", page)
            }
        }
    }

    func testListPagesInAscendingID() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            var ids = [w.artRecord, w.mathRecord]
            for n in 0..<10 {
                let course = try await env.makeCourse("C\(n)")
                try await env.offer(courseID: course, inProject: w.project)
                ids.append(try await env.makeUserCourse(userID: w.student.user, orderID: w.order, projectID: w.project, courseID: course))
            }
            let page1 = try await client.call(.get, "/admin/user_course/", ticket: w.admin.ticket)
            XCTAssertEqual(page1.data?["count"]?.intValue, 12)
            XCTAssertEqual(page1.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(ids.prefix(10)))
            XCTAssertEqual(page1.data?["next"]?.stringValue?.hasSuffix("/admin/user_course/?page=2"), true)
            let page2 = try await client.call(.get, "/admin/user_course/?page=last", ticket: w.admin.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(ids.suffix(2)))
            XCTAssertEqual(page2.data?["previous"]?.stringValue?.hasSuffix("/admin/user_course/"), true)
        }
    }

    func testAddScore() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let before = SummerTime.now()
            let body: [String: Any] = ["user": w.student.user, "course": "\(w.art)", "order": w.order, "score": 88.0, "score_grade": " A "]
            let r = try await client.call(.put, "/admin/user_course/add_score/", ticket: w.admin.ticket, json: body)
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.msg, "请求成功")
            XCTAssertEqual(r.data?["id"]?.intValue, w.artRecord)
            XCTAssertEqual(r.data?["score"]?.intValue, 88)
            XCTAssertEqual(r.data?["score_grade"]?.stringValue, "A")
            XCTAssertNotNil(r.data?["reporting_time"]?.stringValue)
            XCTAssertEqual(r.data?["status"]?["key"]?.stringValue, "TO_UPLOAD")  // the review is not touched
            let stored = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(stored.score, 88)
            XCTAssertEqual(stored.score_grade, "A")
            XCTAssertGreaterThanOrEqual(stored.reporting_time ?? 0, before)
            XCTAssertEqual(stored.status, "TO_UPLOAD")
            let other = try await AdminCourseFixtures.record(env, w.mathRecord)
            XCTAssertEqual(other.score, 0)
            XCTAssertNil(other.reporting_time)

            // A form body works too, and a later score replaces the earlier one.
            let form = try await client.call(.put, "/admin/user_course/add_score/", ticket: w.admin.ticket,
                                             form: "user=\(w.student.user)&course=\(w.art)&order=\(w.order)&score=-5&score_grade=F")
            XCTAssertEqual(form.code, 0, form.bodyText)
            XCTAssertEqual(form.data?["score"]?.intValue, -5)

            let valid: [String: Any] = ["user": w.student.user, "course": w.art, "order": w.order, "score": 90, "score_grade": "A+"]
            let errors: [([String: Any], String, String)] = [
                ([:], "user", "该字段是必填项。"),
                (["user": w.student.user], "course", "该字段是必填项。"),
                (["user": w.student.user, "course": w.art], "order", "该字段是必填项。"),
                (["user": w.student.user, "course": w.art, "order": w.order], "score", "该字段是必填项。"),
                (["user": w.student.user, "course": w.art, "order": w.order, "score": 1], "score_grade", "该字段是必填项。"),
                (valid.merging(["user": 999]) { $1 }, "user", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["course": 999]) { $1 }, "course", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["order": "999"]) { $1 }, "order", "无效主键 “999” － 对象不存在。"),
                (valid.merging(["course": "abc"]) { $1 }, "course", "类型错误。期望为主键，得到的类型为 str。"),
                (valid.merging(["user": NSNull()]) { $1 }, "user", "该字段不能为 null。"),
                (valid.merging(["score": 88.5]) { $1 }, "score", "请填写合法的整数值。"),
                (valid.merging(["score": "abc"]) { $1 }, "score", "请填写合法的整数值。"),
                (valid.merging(["score": 2_147_483_648]) { $1 }, "score", "请确保该值小于或者等于 2147483647。"),
                (valid.merging(["score": -2_147_483_649]) { $1 }, "score", "请确保该值大于或者等于 -2147483648。"),
                (valid.merging(["score_grade": "   "]) { $1 }, "score_grade", "该字段不能为空。"),
                (valid.merging(["score_grade": String(repeating: "甲", count: 31)]) { $1 }, "score_grade", "请确保这个字段不能超过 30 个字符。"),
            ]
            for (body, field, msg) in errors {
                let e = try await client.call(.put, "/admin/user_course/add_score/", ticket: w.admin.ticket, json: body)
                XCTAssertEqual(e.code, 400, "\(body)")
                XCTAssertEqual(e.fieldName, field, "\(body)")
                XCTAssertEqual(e.msg, msg, "\(body)")
                XCTAssertEqual(e.data, .object([:]))
            }
            // Existing ids that name no record of that student.
            let stranger = try await AdminCourseFixtures.student(env, "student02")
            let noRecord = try await client.call(.put, "/admin/user_course/add_score/", ticket: w.admin.ticket,
                                                 json: valid.merging(["user": stranger.user]) { $1 })
            XCTAssertEqual(noRecord.json, .object(["code": .int(404), "msg": .string("未找到选课记录"), "data": .object([:]), "field_name": .string("")]))
            let after = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(after.score, -5)
            XCTAssertEqual(after.score_grade, "F")

            for method in [HTTPRequest.Method.get, .post, .patch, .delete] {
                let m = try await client.call(method, "/admin/user_course/add_score/", ticket: w.admin.ticket, json: valid)
                XCTAssertEqual(m.code, 405, "\(method)")
                XCTAssertEqual(m.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
        }
    }

    func testConfirmCourseTransitions() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            func confirm(_ status: Any) async throws -> TestResponse {
                try await client.call(.put, "/admin/user_course/confirm_course/", ticket: w.admin.ticket,
                                      json: ["user": w.student.user, "course": w.art, "order": w.order, "status": status])
            }
            // No proof uploaded yet: only TO_UPLOAD itself is allowed (DV-14).
            for (status, msg) in [
                ("PASS", "用户还未上传审课图片，不能更改审课状态为通过或不通过"),
                ("NOPASS", "用户还未上传审课图片，不能更改审课状态为通过或不通过"),
                ("TO_CONFIRM", "用户还未上传审课图片，管理员不能更改状态为待审核"),
            ] {
                let r = try await confirm(status)
                XCTAssertEqual(r.code, 400, status)
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, msg)
            }
            let stillToUpload = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(stillToUpload.status, "TO_UPLOAD")
            let repeatUpload = try await confirm("TO_UPLOAD")
            XCTAssertEqual(repeatUpload.code, 0, repeatUpload.bodyText)

            // The student uploads (TO_CONFIRM): the counter of G5 sees it; PASS lowers it.
            try await AdminCourseFixtures.setRecord(env, w.artRecord, confirmImg: "course/confirm_img/x.png", status: "TO_CONFIRM")
            let pending = try await client.call(.get, "/admin/course/course_to_confirm_count/", ticket: w.admin.ticket)
            XCTAssertEqual(pending.data, .object(["course_to_confirm_count": .int(1)]))
            let pass = try await confirm("PASS")
            XCTAssertEqual(pass.code, 0, pass.bodyText)
            XCTAssertEqual(pass.data?["id"]?.intValue, w.artRecord)
            XCTAssertEqual(pass.data?["status"], .object(["key": .string("PASS"), "verbose": .string("通过")]))
            XCTAssertEqual(pass.data?["score"]?.intValue, 0)
            let cleared = try await client.call(.get, "/admin/course/course_to_confirm_count/", ticket: w.admin.ticket)
            XCTAssertEqual(cleared.data, .object(["course_to_confirm_count": .int(0)]))
            let math = try await AdminCourseFixtures.record(env, w.mathRecord)
            XCTAssertEqual(math.status, "TO_UPLOAD")

            for (status, key) in [(["key": "NOPASS"] as Any, "NOPASS"), ("NOPASS", "NOPASS"), ("TO_CONFIRM", "TO_CONFIRM"), ("TO_UPLOAD", "TO_UPLOAD")] {
                let r = try await confirm(status)
                XCTAssertEqual(r.code, 0, r.bodyText)
                XCTAssertEqual(r.data?["status"]?["key"]?.stringValue, key)
                let stored = try await AdminCourseFixtures.record(env, w.artRecord)
                XCTAssertEqual(stored.status, key)
            }
            // Reopened to TO_UPLOAD: the rules apply again.
            let refused = try await confirm("PASS")
            XCTAssertEqual(refused.msg, "用户还未上传审课图片，不能更改审课状态为通过或不通过")

            for (status, msg) in [
                ("XYZ" as Any, "“XYZ” 不是合法选项。"), (["foo": 1] as Any, "“{\"foo\":1}” 不是合法选项。"), (NSNull() as Any, "该字段不能为 null。"),
            ] {
                let r = try await confirm(status)
                XCTAssertEqual(r.code, 400, "\(status)")
                XCTAssertEqual(r.fieldName, "status")
                XCTAssertEqual(r.msg, msg)
            }
            let missing = try await client.call(.put, "/admin/user_course/confirm_course/", ticket: w.admin.ticket,
                                                json: ["user": w.student.user, "course": w.art, "order": w.order])
            XCTAssertEqual(missing.fieldName, "status")
            XCTAssertEqual(missing.msg, "该字段是必填项。")
            let badOrder = try await client.call(.put, "/admin/user_course/confirm_course/", ticket: w.admin.ticket,
                                                 json: ["user": w.student.user, "course": w.art, "order": "x", "status": "PASS"])
            XCTAssertEqual(badOrder.fieldName, "order")
            XCTAssertEqual(badOrder.msg, "类型错误。期望为主键，得到的类型为 str。")
            let other = try await env.makeCourse("NONE 1")
            let noRecord = try await client.call(.put, "/admin/user_course/confirm_course/", ticket: w.admin.ticket,
                                                 json: ["user": w.student.user, "course": other, "order": w.order, "status": "PASS"])
            XCTAssertEqual(noRecord.code, 404)
            XCTAssertEqual(noRecord.msg, "未找到选课记录")
            XCTAssertEqual(noRecord.fieldName, "")
            let get = try await client.call(.get, "/admin/user_course/confirm_course/", ticket: w.admin.ticket)
            XCTAssertEqual(get.msg, "方法 “GET” 不被允许。")
        }
    }

    /// DV-19: records are not created or edited through this viewset.
    func testWritesOutsideTheContractAnswer405() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            let before = try await env.count("summer_user_course")
            let post = try await client.call(.post, "/admin/user_course/", ticket: w.admin.ticket,
                                             json: ["user": w.student.user, "course": w.art, "order": w.order, "status": "PASS"])
            XCTAssertEqual(post.json, .object(["code": .int(405), "msg": .string("方法 “POST” 不被允许。"), "data": .object([:]), "field_name": .string("")]))
            for method in [HTTPRequest.Method.put, .patch, .delete] {
                let r = try await client.call(method, "/admin/user_course/\(w.artRecord)/", ticket: w.admin.ticket, json: ["score": 1])
                XCTAssertEqual(r.code, 405, "\(method)")
                XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
            let after = try await env.count("summer_user_course")
            XCTAssertEqual(after, before)
            let stored = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(stored.score, 0)
        }
    }

    /// A multipart part whose header name holds a non-ASCII byte is a malformed body (400), not a crash of
    /// the server; a well-formed multipart body still reaches the handler.
    func testMultipartHeaderNameWithNonASCIIBytesIsMalformed() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            func send(_ bytes: [UInt8]) async throws -> TestResponse {
                var headers = HTTPFields()
                headers[.cookie] = "ticket=\(w.admin.ticket)"
                headers[.contentType] = "multipart/form-data; boundary=c715"
                return try await client.execute(
                    uri: "/admin/user_course/confirm_course/", method: .put, headers: headers, body: ByteBuffer(bytes: bytes))
            }
            for body in [
                Array("--c715\r\n".utf8) + [0xF0, 0x9E, 0xB3, 0xB1] + Array("V--c715--\r\n".utf8),
                Array("--c715\r\nContent-Disposition: form-data; name=\"status\"\r\n".utf8) + [0xC3, 0xA9]
                    + Array(": x\r\n\r\nPASS\r\n--c715--\r\n".utf8),
            ] {
                let r = try await send(body)
                XCTAssertEqual(r.code, 400)
                XCTAssertEqual(r.msg, "多部分表单解析错误")
            }
            var parts = ""
            for (name, value) in [("user", "\(w.student.user)"), ("course", "\(w.art)"), ("order", "\(w.order)"), ("status", "TO_UPLOAD")] {
                parts += "--c715\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            let ok = try await send(Array((parts + "--c715--\r\n").utf8))
            XCTAssertEqual(ok.code, 0)
            let untouched = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(untouched.status, "TO_UPLOAD")
        }
    }

    func testEveryStaffRoleAndNoStudent() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            try await AdminCourseFixtures.checkStaffOnly(env, client, paths: ["/admin/user_course/", "/admin/user_course/\(w.artRecord)/"])
            let student = try await env.ticket(for: w.student.user)
            for path in ["/admin/user_course/add_score/", "/admin/user_course/confirm_course/"] {
                let r = try await client.call(.put, path, ticket: student,
                                              json: ["user": w.student.user, "course": w.art, "order": w.order, "score": 100, "score_grade": "A", "status": "PASS"])
                XCTAssertEqual(r.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]), path)
            }
            let stored = try await AdminCourseFixtures.record(env, w.artRecord)
            XCTAssertEqual(stored.score, 0)
            let finance = try await env.account("finance01", role: .finance)
            let r = try await client.call(.put, "/admin/user_course/add_score/", ticket: finance.ticket,
                                          json: ["user": w.student.user, "course": w.art, "order": w.order, "score": 77, "score_grade": "B"])
            XCTAssertEqual(r.code, 0, r.bodyText)
        }
    }

    /// The list runs the same queries for one record as for a full page.
    func testListRunsABoundedNumberOfQueries() async throws {
        try await SummerTestEnv.run { env, client in
            let w = try await Self.world(env)
            func queries(_ path: String) async throws -> Int {
                let counter = QueryCounter()
                let r = try await counter.counting { try await client.call(.get, path, ticket: w.admin.ticket) }
                XCTAssertEqual(r.code, 0, r.bodyText)
                return counter.count
            }
            let small = try await queries("/admin/user_course/?user=\(w.student.user)")
            for n in 0..<12 {
                let student = try await AdminCourseFixtures.student(env, "bulk\(n)")
                let order = try await AdminCourseFixtures.paidOrder(env, userID: student.user, projectID: w.project)
                try await env.makeUserCourse(userID: student.user, orderID: order, projectID: w.project, courseID: w.art)
            }
            let full = try await queries("/admin/user_course/")
            XCTAssertEqual(full, small)
            XCTAssertLessThanOrEqual(full, 4)
        }
    }
}
