import RegistrarTesting
import XCTest

final class TeacherTests: XCTestCase {
    static func teacherBody(contact: Int, phone: String = "13700137000", extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "name": " 李华 ", "phone": phone, "sex": "女", "age": 30, "teachAge": 6, "subject": 3, "postShcool": "第一中学",
            "grade": "初中", "hometown": "湖南", "classType": "一对一", "preprice": "200", "freeTime": "周末", "zone": "海淀区",
            "infoFrom": "朋友介绍", "contactID": "\(contact)", "reviewer": "ignored", "reviewTime": 5,
        ]
        for (key, value) in extra { body[key] = value }
        return body
    }

    func testAddInfoListUpdateDelete() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1, name: "王总")
            let contact = try await h.createStaff(name: "张丽", role: 5)
            var r = try await h.post("/admin/teacher/add", token: admin.token, json: Self.teacherBody(contact: contact))
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertNil(r.json["data"])

            r = try await h.get("/admin/teacher/info", token: admin.token, query: ["teacherID": 1])
            let info = try XCTUnwrap(r.data)
            XCTAssertEqual(info["name"]?.stringValue, "李华")
            XCTAssertEqual(info["subject"]?.stringValue, "3")
            XCTAssertEqual(info["preprice"]?.intValue, 200)
            XCTAssertEqual(info["postShcool"]?.stringValue, "第一中学")
            XCTAssertEqual(info["contactID"]?.intValue, contact)
            XCTAssertEqual(info["contact"]?.stringValue, "张丽")
            XCTAssertEqual(info["state"]?.intValue, 1)
            XCTAssertEqual(info["reviewer"]?.stringValue, "")
            XCTAssertEqual(info["reviewTime"]?.intValue, 0)
            XCTAssertEqual(info["org"]?.stringValue, "")
            XCTAssertGreaterThan(info["createTime"]?.intValue ?? 0, 1_600_000_000)
            XCTAssertEqual(info.objectValue?.count, 27)

            r = try await h.get("/admin/teacher/list", token: admin.token)
            XCTAssertEqual(r.data?["total"]?.intValue, 1)
            XCTAssertEqual(r.data?["allPage"]?.intValue, 1)
            XCTAssertEqual(r.data?["list"]?[0]?["teacherID"]?.intValue, 1)
            XCTAssertEqual(r.data?["list"]?[0]?.objectValue?.count, 11)

            // Changing the state is a review by the caller; setting it again is not.
            r = try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 1, "state": 2, "zone": ""])
            XCTAssertEqual(r.code, 0, r.bodyText)
            r = try await h.get("/admin/teacher/info", token: admin.token, query: ["teacherID": 1])
            XCTAssertEqual(r.data?["state"]?.intValue, 2)
            XCTAssertEqual(r.data?["reviewer"]?.stringValue, "王总")
            XCTAssertEqual(r.data?["zone"]?.stringValue, "")
            let other = try await h.staff(role: 6)
            r = try await h.put("/admin/teacher/update", token: other.token, json: ["teacherID": 1, "state": 2])
            XCTAssertEqual(r.code, 0)
            r = try await h.get("/admin/teacher/info", token: admin.token, query: ["teacherID": 1])
            XCTAssertEqual(r.data?["reviewer"]?.stringValue, "王总")
            // An update with nothing to change succeeds.
            r = try await h.put("/admin/teacher/update", token: other.token, json: ["teacherID": 1])
            XCTAssertEqual(r.code, 0)

            r = try await h.delete("/admin/teacher/delete", token: admin.token, query: ["teacherID": 1])
            XCTAssertEqual(r.code, 0, r.bodyText)
            checkError(try await h.get("/admin/teacher/info", token: admin.token, query: ["teacherID": 1]), 404, "teacherID", "教师不存在")
            checkError(try await h.delete("/admin/teacher/delete", token: admin.token, json: ["teacherID": 1]), 404, "teacherID")
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 1]), 404, "teacherID")
            r = try await h.get("/admin/teacher/list", token: admin.token)
            XCTAssertEqual(r.data?["total"]?.intValue, 0)
            XCTAssertEqual(r.data?["allPage"]?.intValue, 0)
        }
    }

    func testStateOnAddRecordsReviewer() async throws {
        try await TutoringHarness.run { h in
            let manager = try await h.staff(role: 4, name: "赵经理")
            let r = try await h.post("/admin/teacher/add", token: manager.token, json: Self.teacherBody(contact: manager.id, extra: ["state": 3]))
            XCTAssertEqual(r.code, 0, r.bodyText)
            let info = try await h.get("/admin/teacher/info", token: manager.token, query: ["teacherID": 1]).data
            XCTAssertEqual(info?["state"]?.intValue, 3)
            XCTAssertEqual(info?["reviewer"]?.stringValue, "赵经理")
            XCTAssertGreaterThan(info?["reviewTime"]?.intValue ?? 0, 0)
        }
    }

    func testAddValidation() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let cases: [([String: Any], Int, String, String)] = [
                (["name": NSNull()], 400, "name", "教师姓名不能为空"),
                (["name": "  "], 400, "name", "教师姓名不能为空"),
                (["name": String(repeating: "名", count: 31)], 400, "name", "教师姓名长度不能超过30个字符"),
                (["phone": "12345"], 400, "phone", "手机号码格式不正确"),
                (["sex": "x"], 400, "sex", "教师性别取值无效"),
                (["age": 151], 400, "age", "年龄超出允许范围"),
                (["age": 3.5], 400, "age", "年龄格式不正确"),
                (["subject": true], 400, "subject", "教学科目格式不正确"),
                (["postShcool": 5], 400, "postShcool", "任教学校格式不正确"),
                (["preprice": -1], 400, "preprice", "每节课价格超出允许范围"),
                (["preprice": ""], 400, "preprice", "每节课价格不能为空"),
                (["contactID": NSNull()], 400, "contactID", "公司接待人员ID不能为空"),
                (["contactID": "abc"], 400, "contactID", "公司接待人员ID格式不正确"),
                (["state": 5], 400, "state", "审核状态取值无效"),
                (["contactID": 999], 404, "contactID", "员工不存在"),
                // Request-table order: name is checked before phone.
                (["name": "", "phone": "x"], 400, "name", "教师姓名不能为空"),
            ]
            for (extra, code, field, msg) in cases {
                let r = try await h.post("/admin/teacher/add", token: admin.token, json: Self.teacherBody(contact: admin.id, extra: extra))
                checkError(r, code, field, msg)
            }
            let count = try await h.count("tutoring_teacher")
            XCTAssertEqual(count, 0)
            checkError(try await h.get("/admin/teacher/info", token: admin.token), 400, "teacherID", "教师ID不能为空")
            checkError(try await h.get("/admin/teacher/list", token: admin.token, query: ["page": 0]), 400, "page")
        }
    }

    func testPhoneIsUniqueAmongLiveTeachers() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            do { let response = try await h.post("/admin/teacher/add", token: admin.token, json: Self.teacherBody(contact: admin.id)); XCTAssertEqual(response.code, 0) }
            checkError(try await h.post("/admin/teacher/add", token: admin.token, json: Self.teacherBody(contact: admin.id)),
                       409, "phone", "该手机号的教师已存在")
            do { let response = try await h.post("/admin/teacher/add", token: admin.token,
                                            json: Self.teacherBody(contact: admin.id, phone: "13700137001")); XCTAssertEqual(response.code, 0) }
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 2, "phone": "13700137000"]),
                       409, "phone")
            // Its own phone is not a conflict; a deleted teacher's phone is free again.
            do { let response = try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 1, "phone": "13700137000"]); XCTAssertEqual(response.code, 0) }
            do { let response = try await h.delete("/admin/teacher/delete", token: admin.token, query: ["teacherID": 1]); XCTAssertEqual(response.code, 0) }
            do { let response = try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 2, "phone": "13700137000"]); XCTAssertEqual(response.code, 0) }
        }
    }

    func testUpdateRules() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let contact = try await h.createStaff(role: 5)
            let teacher = try await h.insertTeacher(contact: contact)
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": teacher, "name": ""]), 400, "name", "教师姓名不能为空")
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": teacher, "phone": ""]), 400, "phone")
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": teacher, "contactID": 0]), 400, "contactID")
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": teacher, "contactID": 999]), 404, "contactID")
            checkError(try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": 999, "contactID": 999]), 404, "teacherID")
            // The stored contact may have been deleted since: an unchanged value is accepted.
            try await h.sql.raw("UPDATE tutoring_staff SET deleted_at = 1 WHERE id = \(bind: contact)").run()
            let r = try await h.put("/admin/teacher/update", token: admin.token, json: ["teacherID": teacher, "contactID": contact, "age": "41"])
            XCTAssertEqual(r.code, 0, r.bodyText)
            let info = try await h.get("/admin/teacher/info", token: admin.token, query: ["teacherID": teacher]).data
            XCTAssertEqual(info?["age"]?.intValue, 41)
            XCTAssertEqual(info?["contact"]?.stringValue, "员工\(contact)")
        }
    }

    func testPermissionMatrix() async throws {
        try await TutoringHarness.run { h in
            for role in 1...7 {
                let caller = try await h.staff(role: role)
                let teacher = try await h.insertTeacher(contact: caller.id)
                let add = try await h.post("/admin/teacher/add", token: caller.token,
                                           json: Self.teacherBody(contact: caller.id, phone: "1360000000\(role)"))
                let delete = try await h.delete("/admin/teacher/delete", token: caller.token, query: ["teacherID": teacher])
                if role <= 4 {
                    XCTAssertEqual(add.code, 0, "role \(role): \(add.bodyText)")
                    XCTAssertEqual(delete.code, 0, "role \(role)")
                } else {
                    checkError(add, 403, "", "没有权限")
                    checkError(delete, 403, "", "没有权限")
                }
                do { let response = try await h.get("/admin/teacher/list", token: caller.token); XCTAssertEqual(response.code, 0) }
                do { let response = try await h.put("/admin/teacher/update", token: caller.token, json: ["teacherID": teacher, "zone": "朝阳区"]); XCTAssertEqual(response.code, role <= 4 ? 404 : 0) }
            }
            checkError(try await h.get("/admin/teacher/list"), 401, "")
            // The role gate comes before validation.
            let sales = try await h.staff(role: 5)
            checkError(try await h.post("/admin/teacher/add", token: sales.token, json: [:]), 403, "")
        }
    }

    /// Concurrent adds of one phone: the live-phone unique index lets exactly one through; the others get 409,
    /// never 500 (§1.14).
    func testConcurrentAddsOfOnePhone() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let codes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let r = try await h.post("/admin/teacher/add", token: admin.token, json: Self.teacherBody(contact: admin.id))
                        return (r.code ?? -1, r.fieldName ?? "")
                    }
                }
                var all: [(Int, String)] = []
                for try await result in group { all.append(result) }
                return all
            }
            XCTAssertEqual(codes.filter { $0.0 == 0 }.count, 1, "\(codes)")
            XCTAssertEqual(codes.filter { $0.0 == 409 && $0.1 == "phone" }.count, 5, "\(codes)")
            let live = try await h.count("tutoring_teacher", where: "deleted_at IS NULL")
            XCTAssertEqual(live, 1)
        }
    }
}
