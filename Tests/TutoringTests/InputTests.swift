import Foundation
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

/// The field readers of §1.6–1.9, without HTTP.
final class InputTests: XCTestCase {
    private func json(_ members: [String: JSONValue]) -> TutoringInput {
        TutoringInput(values: members.mapValues { .json($0) })
    }

    private func text(_ members: [String: [String]]) -> TutoringInput {
        TutoringInput(values: members.mapValues { .text($0) })
    }

    private func message(_ body: () throws -> Any?) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as AppError {
            return "\(error.code) \(error.fieldName) \(error.msg)"
        } catch {
            return "\(error)"
        }
    }

    func testIntegers() throws {
        XCTAssertEqual(try json(["n": .int(3)]).int("n", "数", 0...5), 3)
        XCTAssertEqual(try json(["n": .double(3.0)]).int("n", "数", 0...5), 3)
        XCTAssertEqual(try json(["n": .string(" -2 ")]).int("n", "数", -5...5), -2)
        XCTAssertEqual(try text(["n": ["4", "9"]]).int("n", "数", 0...5), 4, "first occurrence wins")
        XCTAssertNil(try json(["n": .string("")]).int("n", "数", 0...5), "\"\" is absent for integers")
        XCTAssertNil(try json(["n": .null]).int("n", "数", 0...5))
        XCTAssertNil(try text(["n": [""]]).enumeration("n", "数", 0...1))
        XCTAssertEqual(message { try self.json(["n": .double(3.5)]).int("n", "数", 0...5) }, "400 n 数格式不正确")
        XCTAssertEqual(message { try self.json(["n": .bool(true)]).int("n", "数", 0...5) }, "400 n 数格式不正确")
        XCTAssertEqual(message { try self.json(["n": .string("1e3")]).int("n", "数", 0...5) }, "400 n 数格式不正确")
        XCTAssertEqual(message { try self.json(["n": .string("-")]).int("n", "数", 0...5) }, "400 n 数格式不正确")
        XCTAssertEqual(message { try self.json(["n": .int(6)]).int("n", "数", 0...5) }, "400 n 数超出允许范围")
        XCTAssertEqual(message { try self.json(["n": .string("99999999999999999999")]).uint("n", "数") }, "400 n 数超出允许范围")
        XCTAssertEqual(message { try self.json([:]).id("n", "数") }, "400 n 数不能为空")
        XCTAssertEqual(message { try self.json(["n": .string("")]).id("n", "数") }, "400 n 数不能为空")
        XCTAssertEqual(message { try self.json(["n": .int(8)]).enumeration("n", "角色", 1...7) }, "400 n 角色取值无效")
    }

    func testStrings() throws {
        XCTAssertEqual(try json(["s": .string("  名字\n")]).name("s", "名", .required), "名字")
        XCTAssertEqual(try json(["s": .string("")]).text("s", "文"), "")
        XCTAssertNil(try json([:]).text("s", "文"))
        XCTAssertEqual(message { try self.json(["s": .string(" ")]).text("s", "文", .nonEmpty) }, "400 s 文不能为空")
        XCTAssertEqual(message { try self.json(["s": .int(1)]).text("s", "文") }, "400 s 文格式不正确")
        XCTAssertEqual(message { try self.json(["s": .string(String(repeating: "字", count: 501))]).text("s", "文") }, "400 s 文长度不能超过500个字符")
        XCTAssertEqual(try json(["s": .string(String(repeating: "字", count: 500))]).text("s", "文")?.count, 500)
        XCTAssertEqual(try json(["s": .int(3)]).subject("s", "科目"), "3")
        XCTAssertEqual(try json(["s": .double(3.5)]).subject("s", "科目"), "3.5")
        XCTAssertEqual(try json(["s": .string("")]).phone("s", "手机"), "")
        XCTAssertEqual(message { try self.json(["s": .string("12912345678")]).phone("s", "手机") }, "400 s 手机格式不正确")
        XCTAssertEqual(message { try self.json(["s": .string("男性")]).sex("s", "性别") }, "400 s 性别取值无效")
        XCTAssertEqual(try json(["s": .string("女")]).sex("s", "性别"), "女")
        XCTAssertEqual(try json(["p": .string(" abc!23")]).secret("p", "密码"), " abc!23", "secrets are not trimmed")
        XCTAssertEqual(message { try self.json(["p": .string(" abc!23")]).password("p", "密码") }, "400 p \(TutoringInput.passwordRuleMessage)")
        XCTAssertEqual(message { try self.json(["p": .string(String(repeating: "a", count: 31))]).password("p", "密码") }, "400 p \(TutoringInput.passwordRuleMessage)")
        XCTAssertEqual(try json(["p": .string("~!a0Z{")]).password("p", "密码"), "~!a0Z{")
    }

    func testDatesAndTimes() throws {
        XCTAssertEqual(CalendarDate.normalise("2017-3-8"), "2017-03-08")
        XCTAssertEqual(CalendarDate.normalise("2000-02-29"), "2000-02-29")
        XCTAssertNil(CalendarDate.normalise("1900-02-29"))
        XCTAssertNil(CalendarDate.normalise("2017-13-01"))
        XCTAssertNil(CalendarDate.normalise("0999-01-01"))
        XCTAssertNil(CalendarDate.normalise("2017-001-01"))
        XCTAssertNil(CalendarDate.normalise("２０１７-1-1"))
        XCTAssertEqual(try json(["d": .string("")]).date("d", "日期"), "", "\"\" is no date")
        XCTAssertEqual(TimeRange.normalise("08：00－09：30"), .valid("8:00-9:30"))
        XCTAssertEqual(TimeRange.normalise("8:00 - 9:05"), .valid("8:00-9:05"))
        XCTAssertEqual(TimeRange.normalise("8:60-9:00"), .malformed)
        XCTAssertEqual(TimeRange.normalise("8:0-9:00"), .malformed)
        XCTAssertEqual(TimeRange.normalise("9:00-8:00"), .reversed)
        XCTAssertEqual(message { try self.json(["t": .string("9:00-9:00")]).timeRange("t", "时段") }, "400 t 试课开始时间必须早于结束时间")
    }

    func testNestedPrefixesAndArrays() throws {
        let element = TutoringInput(object: ["teacherID": .string("")], labelPrefix: "第1个课程的", fieldPrefix: "lesson[0].")
        XCTAssertEqual(message { try element.id("teacherID", "教师ID") }, "400 lesson[0].teacherID 第1个课程的教师ID不能为空")
        XCTAssertEqual(try text(["lesson": [#"[{"a":1}]"#]]).array("lesson", "课程")?.count, 1)
        XCTAssertEqual(message { try self.text(["lesson": ["{}"]]).array("lesson", "课程") }, "400 lesson 课程格式不正确")
        XCTAssertEqual(message { try self.json(["lesson": .object([:])]).array("lesson", "课程") }, "400 lesson 课程格式不正确")
        XCTAssertEqual(message { try self.json([:]).array("lesson", "课程") }, "400 lesson 课程不能为空")
    }

    func testParameterSources() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 1)
            let student = try await h.createStudent()
            // GET: repeated query keys, first wins; a body is ignored.
            let get = try await h.send(.get, "/admin/student/info?studentID=\(student)&studentID=999", token: me.token, body: .init(string: "{"))
            XCTAssertEqual(get.code, 0)
            // POST: the query is ignored.
            let post = try await h.send(.post, "/admin/fellowup/add?studentID=\(student)", token: me.token, body: jsonBody([
                "staffID": me.id, "content": "x",
            ]))
            XCTAssertEqual(post.msg, "学生资源ID不能为空")
            // A JSON body that is not an object, and an oversized body.
            let array = try await h.send(.put, "/admin/user/update", token: me.token, body: .init(string: "[1]"))
            XCTAssertEqual(array.code, 400)
            XCTAssertEqual(array.msg, "请求数据格式错误")
            let huge = try await h.send(
                .put, "/admin/user/update", token: me.token, body: .init(string: "{\"name\":\"" + String(repeating: "a", count: 1 << 20) + "\"}"))
            XCTAssertEqual(huge.code, 400)
            XCTAssertEqual(huge.msg, "请求数据格式错误")
            // DELETE with a form body.
            let delete = try await h.send(
                .delete, "/admin/student/delete", token: me.token, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "studentID=\(student)"))
            XCTAssertEqual(delete.code, 0)
            // An empty body means no fields.
            let empty = try await h.send(.post, "/admin/student/add", token: me.token, body: .init(string: ""))
            XCTAssertEqual(empty.msg, "学生姓名不能为空")
        }
    }
}
