import Foundation
import HTTPTypes
import RegistrarCore
import RegistrarTesting
import XCTest

final class StudentTests: XCTestCase {
    static func fullStudent(headmasterID: Int, developerID: Int) -> [String: Any] {
        [
            "name": " 王小明 ", "phone": "13912345678", "school": "实验中学", "grade": "初二", "address": "",
            "parent": "王强", "parentPhone": "13987654321", "headmasterID": headmasterID, "channel": "地推",
            "developerID": "\(developerID)", "level": 2, "state": 1,
        ]
    }

    func testAddInfoAndList() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 6, name: "赵敏")
            let developer = try await h.createStaff(name: "张丽", role: 5)
            let r = try await h.post("/admin/student/add", token: me.token, json: Self.fullStudent(headmasterID: me.id, developerID: developer))
            XCTAssertEqual(r.code, 0)
            XCTAssertNil(r.json["data"])
            let minimal = try await h.post("/admin/student/add", token: me.token, json: [
                "name": "李雷", "phone": "13900000000", "school": "一中", "grade": "高一", "state": "0",
            ])
            XCTAssertEqual(minimal.code, 0)

            let list = try await h.get("/admin/student/list", token: me.token)
            XCTAssertEqual(list.data?["page"]?.intValue, 1)
            XCTAssertEqual(list.data?["allPage"]?.intValue, 1)
            XCTAssertEqual(list.data?["total"]?.intValue, 2)
            let newest = list.data?["list"]?[0]
            XCTAssertEqual(newest?["name"]?.stringValue, "李雷")
            XCTAssertEqual(newest?["headmaster"]?.stringValue, "")
            XCTAssertEqual(newest?["parentPhone"]?.stringValue, "")
            XCTAssertEqual(newest?["level"]?.intValue, 0)
            XCTAssertNil(newest?["headmasterID"])
            let first = list.data?["list"]?[1]
            XCTAssertEqual(first?["name"]?.stringValue, "王小明")
            XCTAssertEqual(first?["headmaster"]?.stringValue, "赵敏")
            XCTAssertEqual(first?["developer"]?.stringValue, "张丽")
            XCTAssertEqual(first?["channel"]?.stringValue, "地推")
            XCTAssertEqual(first?["state"]?.intValue, 1)

            let id = try XCTUnwrap(first?["studentID"]?.intValue)
            let info = try await h.get("/admin/student/info", token: me.token, query: ["studentID": id])
            XCTAssertEqual(info.data?["headmasterID"]?.intValue, me.id)
            XCTAssertEqual(info.data?["developerID"]?.intValue, developer)
            XCTAssertEqual(info.data?["parent"]?.stringValue, "王强")
            XCTAssertEqual(info.data?["level"]?.intValue, 2)
            let noRefs = try await h.get("/admin/student/info", token: me.token, query: ["studentID": id + 1])
            XCTAssertEqual(noRefs.data?["headmasterID"]?.intValue, 0)
            XCTAssertEqual(noRefs.data?["developer"]?.stringValue, "")

            let deal = try await h.get("/admin/student/list", token: me.token, query: ["isDeal": 1])
            XCTAssertEqual(deal.data?["total"]?.intValue, 1)
            XCTAssertEqual(deal.data?["list"]?[0]?["name"]?.stringValue, "李雷")
            let open = try await h.get("/admin/student/list", token: me.token, query: ["isDeal": 0])
            XCTAssertEqual(open.data?["total"]?.intValue, 1)
            let all = try await h.get("/admin/student/list", token: me.token, query: ["isDeal": ""])
            XCTAssertEqual(all.data?["total"]?.intValue, 2)
            let bad = try await h.get("/admin/student/list", token: me.token, query: ["isDeal": 2])
            XCTAssertEqual(bad.msg, "是否成交取值无效")
            XCTAssertEqual(bad.fieldName, "isDeal")
            let badPage = try await h.get("/admin/student/list", token: me.token, query: ["page": 0])
            XCTAssertEqual(badPage.msg, "页码超出允许范围")
            XCTAssertEqual(badPage.fieldName, "page")
        }
    }

    func testPaging() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            for i in 1...23 { try await h.createStudent(name: "学生\(i)") }
            let page3 = try await h.get("/admin/student/list", token: me.token, query: ["page": 3])
            XCTAssertEqual(page3.data?["allPage"]?.intValue, 3)
            XCTAssertEqual(page3.data?["total"]?.intValue, 23)
            XCTAssertEqual(page3.data?["list"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["学生3", "学生2", "学生1"])
            let page1 = try await h.get("/admin/student/list", token: me.token)
            XCTAssertEqual(page1.data?["list"]?.arrayValue?.count, 10)
            XCTAssertEqual(page1.data?["list"]?[0]?["name"]?.stringValue, "学生23")
            let past = try await h.get("/admin/student/list", token: me.token, query: ["page": 9])
            XCTAssertEqual(past.data?["page"]?.intValue, 9)
            XCTAssertEqual(past.data?["list"]?.arrayValue?.count, 0)
        }
    }

    func testEmptyList() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let r = try await h.get("/admin/student/list", token: me.token)
            XCTAssertEqual(r.json, .object([
                "code": .int(0), "msg": .string("成功"),
                "data": .object(["page": .int(1), "allPage": .int(0), "total": .int(0), "list": .array([])]),
            ]))
        }
    }

    func testAddValidationWritesNothing() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 7)
            func check(_ change: [String: Any?], _ code: Int, _ msg: String, _ field: String) async throws {
                var body = Self.fullStudent(headmasterID: me.id, developerID: me.id)
                for (key, value) in change { body[key] = value }
                let r = try await h.post("/admin/student/add", token: me.token, json: body)
                XCTAssertEqual(r.code, code, msg)
                XCTAssertEqual(r.msg, msg)
                XCTAssertEqual(r.fieldName, field)
            }
            try await check(["name": nil], 400, "学生姓名不能为空", "name")
            try await check(["name": NSNull()], 400, "学生姓名不能为空", "name")
            try await check(["phone": "  "], 400, "学生手机号不能为空", "phone")
            try await check(["phone": "23912345678"], 400, "学生手机号格式不正确", "phone")
            try await check(["school": 12], 400, "学生学校格式不正确", "school")
            try await check(["grade": String(repeating: "年", count: 501)], 400, "学生年级长度不能超过500个字符", "grade")
            try await check(["parent": String(repeating: "家", count: 31)], 400, "家长姓名长度不能超过30个字符", "parent")
            try await check(["parentPhone": "123"], 400, "家长手机号格式不正确", "parentPhone")
            try await check(["headmasterID": -1], 400, "售后班主任员工ID超出允许范围", "headmasterID")
            try await check(["developerID": true], 400, "开发者员工ID格式不正确", "developerID")
            try await check(["level": "1.5"], 400, "资源等级格式不正确", "level")
            try await check(["level": 2_147_483_648], 400, "资源等级超出允许范围", "level")
            try await check(["state": nil], 400, "资源状态不能为空", "state")
            try await check(["state": 6], 400, "资源状态取值无效", "state")
            // Field order decides between several faults.
            try await check(["name": "", "state": 9], 400, "学生姓名不能为空", "name")
            try await check(["headmasterID": 999], 404, "员工不存在", "headmasterID")
            try await check(["developerID": 999], 404, "员工不存在", "developerID")
            try await check(["headmasterID": 998, "developerID": 999], 404, "员工不存在", "headmasterID")
            let count = try await h.count("tutoring_student")
            XCTAssertEqual(count, 0)
            // Form bodies: the first occurrence wins.
            let form = try await h.send(
                .post, "/admin/student/add", token: me.token, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "name=%E5%B0%8F%E7%BA%A2&name=x&phone=13900000001&school=s&grade=g&state=3&headmasterID="))
            XCTAssertEqual(form.code, 0)
            let name = try await h.stringValue("name", of: "tutoring_student", id: 1)
            XCTAssertEqual(name, "小红")
        }
    }

    func testUpdate() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let headmaster = try await h.createStaff(role: 6)
            let id = try await h.createStudent(headmasterID: headmaster)
            let r = try await h.put("/admin/student/update", token: me.token, json: [
                "studentID": id, "name": "新名", "address": "北京", "developerID": me.id, "level": "3", "state": 0,
            ])
            XCTAssertEqual(r.code, 0)
            var info = try await h.get("/admin/student/info", token: me.token, query: ["studentID": id])
            XCTAssertEqual(info.data?["name"]?.stringValue, "新名")
            XCTAssertEqual(info.data?["address"]?.stringValue, "北京")
            XCTAssertEqual(info.data?["developerID"]?.intValue, me.id)
            XCTAssertEqual(info.data?["headmasterID"]?.intValue, headmaster, "absent fields are unchanged")
            XCTAssertEqual(info.data?["level"]?.intValue, 3)
            XCTAssertEqual(info.data?["state"]?.intValue, 0)
            // "" clears optional strings, 0 clears references; the typo key works.
            let clear = try await h.put("/admin/student/update", token: me.token, json: ["studetID": id, "address": "", "headmasterID": 0])
            XCTAssertEqual(clear.code, 0)
            info = try await h.get("/admin/student/info", token: me.token, query: ["studentID": id])
            XCTAssertEqual(info.data?["address"]?.stringValue, "")
            XCTAssertEqual(info.data?["headmasterID"]?.intValue, 0)
            XCTAssertEqual(info.data?["headmaster"]?.stringValue, "")
            do { let value = try await h.put("/admin/student/update", token: me.token, json: ["studentID": id]).code; XCTAssertEqual(value, 0) }

            let missing = try await h.put("/admin/student/update", token: me.token, json: ["name": "x"])
            XCTAssertEqual(missing.msg, "学生ID不能为空")
            XCTAssertEqual(missing.fieldName, "studentID")
            let notFound = try await h.put("/admin/student/update", token: me.token, json: ["studetID": 999])
            XCTAssertEqual(notFound.code, 404)
            XCTAssertEqual(notFound.fieldName, "studetID")
            let both = try await h.put("/admin/student/update", token: me.token, json: ["studentID": 999, "studetID": id])
            XCTAssertEqual(both.code, 404)
            XCTAssertEqual(both.fieldName, "studentID")
            let empty = try await h.put("/admin/student/update", token: me.token, json: ["studentID": id, "school": ""])
            XCTAssertEqual(empty.msg, "学生学校不能为空")
            let badRef = try await h.put("/admin/student/update", token: me.token, json: ["studentID": id, "headmasterID": 999])
            XCTAssertEqual(badRef.code, 404)
            XCTAssertEqual(badRef.fieldName, "headmasterID")

            // An unchanged reference to a since-deleted staff member is accepted.
            try await h.sql.raw("UPDATE tutoring_staff SET deleted_at = 1 WHERE id = \(bind: me.id)").run()
            let other = try await h.staff(role: 1)
            let same = try await h.put("/admin/student/update", token: other.token, json: ["studentID": id, "developerID": me.id])
            XCTAssertEqual(same.code, 0)
            let moved = try await h.put("/admin/student/update", token: other.token, json: ["studentID": id, "headmasterID": me.id])
            XCTAssertEqual(moved.code, 404)
            info = try await h.get("/admin/student/info", token: other.token, query: ["studentID": id])
            XCTAssertEqual(info.data?["developer"]?.stringValue, me.name, "deleted staff keep showing their name")
        }
    }

    func testDeleteCascadesAndBlocks() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 6)
            let teacher = try await h.createTeacher(contactID: me.id)
            let id = try await h.createStudent()
            let kept = try await h.createStudent(name: "另一个")
            for student in [id, kept] {
                let fellowup = try await h.post("/admin/fellowup/add", token: me.token, json: [
                    "studentID": student, "staffID": me.id, "content": "跟进",
                ])
                XCTAssertEqual(fellowup.code, 0)
                let appoint = try await h.post("/admin/appoint/add", token: me.token, json: [
                    "studentID": student, "teacherID": teacher, "subject": "数学", "trialDate": "2017-3-18",
                    "trialTime": "8:00-9:00", "localtion": "学生家", "matcherID": me.id,
                ])
                XCTAssertEqual(appoint.code, 0)
            }
            let order = try await h.createOrder(studentID: id, salerID: me.id)
            let blocked = try await h.delete("/admin/student/delete", token: me.token, query: ["studentID": id])
            XCTAssertEqual(blocked.code, 409)
            XCTAssertEqual(blocked.msg, "该学生存在订单，不能删除")
            XCTAssertEqual(blocked.fieldName, "studentID")
            try await h.sql.raw("UPDATE tutoring_orders SET deleted_at = 1 WHERE id = \(bind: order)").run()

            let r = try await h.delete("/admin/student/delete", token: me.token, query: ["studentID": id])
            XCTAssertEqual(r.code, 0)
            do { let value = try await h.count("tutoring_fellowup", where: "deleted_at IS NOT NULL AND deleted_by = \(me.id)"); XCTAssertEqual(value, 1) }
            do { let value = try await h.count("tutoring_appointment", where: "deleted_at IS NOT NULL AND student_id = \(id)"); XCTAssertEqual(value, 1) }
            do { let value = try await h.count("tutoring_appointment", where: "deleted_at IS NULL"); XCTAssertEqual(value, 1) }
            do { let value = try await h.get("/admin/student/info", token: me.token, query: ["studentID": id]).code; XCTAssertEqual(value, 404) }
            do { let value = try await h.get("/admin/fellowup/list", token: me.token, query: ["studentID": id]).code; XCTAssertEqual(value, 404) }
            do { let value = try await h.delete("/admin/student/delete", token: me.token, query: ["studentID": id]).code; XCTAssertEqual(value, 404) }
            let list = try await h.get("/admin/student/list", token: me.token)
            XCTAssertEqual(list.data?["total"]?.intValue, 1)
        }
    }

    /// A NUL character cannot be stored in a PostgreSQL text column: it is refused as a malformed value,
    /// never a 500, in a body field, a login name and a query parameter alike.
    func testNulCharactersAreMalformedNotServerErrors() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            var body = Self.fullStudent(headmasterID: me.id, developerID: me.id)
            body["school"] = "实验\u{0}中学"
            let add = try await h.post("/admin/student/add", token: me.token, json: body)
            XCTAssertEqual(add.status, .ok)
            XCTAssertEqual(add.code, 400)
            XCTAssertEqual(add.msg, "学生学校格式不正确")
            XCTAssertEqual(add.fieldName, "school")
            do { let value = try await h.count("tutoring_student"); XCTAssertEqual(value, 0) }

            let login = try await h.post("/admin/user/login", json: ["name": "ad\u{0}min", "password": "secret1"])
            XCTAssertEqual(login.code, 400)
            XCTAssertEqual(login.fieldName, "name")
            do { let value = try await h.count("tutoring_login_failure"); XCTAssertEqual(value, 0) }

            let update = try await h.send(.put, "/admin/user/update", token: me.token,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: .init(string: "name=a%00b"))
            XCTAssertEqual(update.code, 400)
            XCTAssertEqual(update.fieldName, "name")
        }
    }
}
