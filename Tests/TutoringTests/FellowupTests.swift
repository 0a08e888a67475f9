import Foundation
import RegistrarTesting
import XCTest

final class FellowupTests: XCTestCase {
    func testAddListUpdateDelete() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5, name: "张丽")
            let other = try await h.createStaff(name: "赵敏", role: 6)
            let student = try await h.createStudent(state: 2)
            let add = try await h.post("/admin/fellowup/add", token: me.token, json: [
                "studentID": student, "staffID": "\(me.id)", "content": " 家长希望周末上课 ",
            ])
            XCTAssertEqual(add.code, 0)
            XCTAssertNil(add.json["data"])
            let second = try await h.post("/admin/fellowup/add", token: me.token, json: [
                "studentID": student, "staffID": other, "content": "第二次",
            ])
            XCTAssertEqual(second.code, 0)
            do { let value = try await h.intValue("state", of: "tutoring_student", id: student); XCTAssertEqual(value, 2, "student state unchanged") }

            let list = try await h.get("/admin/fellowup/list", token: me.token, query: ["studentID": student])
            XCTAssertEqual(list.code, 0)
            let items = try XCTUnwrap(list.data?.arrayValue)
            XCTAssertEqual(items.count, 2)
            XCTAssertEqual(items[0]["content"]?.stringValue, "第二次")
            XCTAssertEqual(items[0]["staff"]?.stringValue, "赵敏")
            XCTAssertEqual(items[1]["content"]?.stringValue, "家长希望周末上课")
            XCTAssertEqual(items[1]["staffID"]?.intValue, me.id)
            XCTAssertGreaterThan(items[1]["createTime"]?.intValue ?? 0, 1_000_000_000)
            let first = try XCTUnwrap(items[1]["fellowupID"]?.intValue)
            let newest = try XCTUnwrap(items[0]["fellowupID"]?.intValue)

            let update = try await h.put("/admin/fellowup/update", token: me.token, json: ["fellowupID": first, "content": "改过"])
            XCTAssertEqual(update.code, 0)
            // The seed's URL, PUT /admin/fellowup/add, is the same update.
            let alias = try await h.put("/admin/fellowup/add", token: me.token, json: ["fellowupID": first, "staffID": other])
            XCTAssertEqual(alias.code, 0)
            let after = try await h.get("/admin/fellowup/list", token: me.token, query: ["studentID": student])
            XCTAssertEqual(after.data?[1]?["content"]?.stringValue, "改过")
            XCTAssertEqual(after.data?[1]?["staff"]?.stringValue, "赵敏")
            XCTAssertEqual(after.data?[1]?["createTime"]?.intValue, items[1]["createTime"]?.intValue)

            let delete = try await h.delete("/admin/fellowup/delete", token: me.token, query: ["fellowupID": newest])
            XCTAssertEqual(delete.code, 0)
            let remaining = try await h.get("/admin/fellowup/list", token: me.token, query: ["studentID": student])
            XCTAssertEqual(remaining.data?.arrayValue?.count, 1)
            let again = try await h.delete("/admin/fellowup/delete", token: me.token, query: ["fellowupID": newest])
            XCTAssertEqual(again.code, 404)
            XCTAssertEqual(again.msg, "跟进记录不存在")
            XCTAssertEqual(again.fieldName, "fellowupID")
            let updateDeleted = try await h.put("/admin/fellowup/update", token: me.token, json: ["fellowupID": newest, "content": "x"])
            XCTAssertEqual(updateDeleted.code, 404)
        }
    }

    func testErrors() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 7)
            let student = try await h.createStudent()
            func add(_ body: [String: Any]) async throws -> (Int?, String?, String?) {
                let r = try await h.post("/admin/fellowup/add", token: me.token, json: body)
                return (r.code, r.msg, r.fieldName)
            }
            var r = try await add(["staffID": me.id, "content": "x"])
            XCTAssertEqual(r.1, "学生资源ID不能为空")
            r = try await add(["studentID": student, "staffID": "abc", "content": "x"])
            XCTAssertEqual(r.1, "跟进员工ID格式不正确")
            XCTAssertEqual(r.2, "staffID")
            r = try await add(["studentID": student, "staffID": me.id, "content": "   "])
            XCTAssertEqual(r.1, "跟进记录不能为空")
            r = try await add(["studentID": student, "staffID": me.id, "content": String(repeating: "长", count: 2001)])
            XCTAssertEqual(r.1, "跟进记录长度不能超过2000个字符")
            r = try await add(["studentID": 999, "staffID": 998, "content": "x"])
            XCTAssertEqual(r.0, 404)
            XCTAssertEqual(r.1, "学生不存在")
            XCTAssertEqual(r.2, "studentID")
            r = try await add(["studentID": student, "staffID": 998, "content": "x"])
            XCTAssertEqual(r.0, 404)
            XCTAssertEqual(r.1, "员工不存在")
            XCTAssertEqual(r.2, "staffID")
            do { let value = try await add(["studentID": student, "staffID": me.id, "content": String(repeating: "长", count: 2000)]).0; XCTAssertEqual(value, 0) }
            do { let value = try await h.count("tutoring_fellowup"); XCTAssertEqual(value, 1) }

            let list = try await h.get("/admin/fellowup/list", token: me.token, query: ["studentID": 999])
            XCTAssertEqual(list.code, 404)
            XCTAssertEqual(list.fieldName, "studentID")
            let noID = try await h.get("/admin/fellowup/list", token: me.token)
            XCTAssertEqual(noID.msg, "学生ID不能为空")
            let update = try await h.put("/admin/fellowup/update", token: me.token, json: ["fellowupID": 1, "staffID": 999])
            XCTAssertEqual(update.code, 404)
            XCTAssertEqual(update.fieldName, "staffID")
            let missing = try await h.put("/admin/fellowup/update", token: me.token, json: ["fellowupID": 5])
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.fieldName, "fellowupID")
            let empty = try await h.put("/admin/fellowup/update", token: me.token, json: ["fellowupID": 1, "content": ""])
            XCTAssertEqual(empty.msg, "跟进记录不能为空")
            do { let value = try await h.post("/admin/fellowup/add", json: [:]).code; XCTAssertEqual(value, 401) }
        }
    }
}
