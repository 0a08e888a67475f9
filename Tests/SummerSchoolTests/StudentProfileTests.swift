import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

final class StudentProfileTests: XCTestCase {
    static func validInfo() -> [String: Any] {
        ["name": "张三", "email": "a@b.com", "wechat": "wx1", "wcampus": ["北京校区", "上海校区"], "cschool": "北大"]
    }

    func testInfoReadUpdateAndOwnership() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let bob = try await env.account("student02", role: .student)
            let empty = try await client.call(.get, "/auth/user/info/999/", ticket: alice.ticket)
            XCTAssertEqual(empty.code, 0)
            XCTAssertEqual(empty.data, .object([
                "id": .int(1), "name": .string(""), "email": .string(""), "wechat": .string(""), "cschool": .string(""),
                "headimgurl": .null, "valid_sales_man": .bool(false), "wcampus": .array([]),
            ]))
            let check1 = try await client.call(.get, "/auth/user/check_user_info/", ticket: alice.ticket)
            XCTAssertEqual(check1.data?["need_complete_stu_info"]?.boolValue, true)
            XCTAssertEqual(check1.data?["user_id"]?.intValue, alice.id)

            // {id} names Bob's profile: still Alice's row is changed.
            let put = try await client.call(.put, "/auth/user/info/2/", ticket: alice.ticket, json: Self.validInfo())
            XCTAssertEqual(put.code, 0)
            XCTAssertEqual(put.data?["id"]?.intValue, 1)
            XCTAssertEqual(put.data?["wcampus"], .array([.string("北京校区"), .string("上海校区")]))
            let bobView = try await client.call(.get, "/auth/user/info/1/", ticket: bob.ticket)
            XCTAssertEqual(bobView.data?["id"]?.intValue, 2)
            XCTAssertEqual(bobView.data?["name"]?.stringValue, "")
            let check2 = try await client.call(.get, "/auth/user/check_user_info/", ticket: alice.ticket)
            XCTAssertEqual(check2.data?["need_complete_stu_info"]?.boolValue, false)

            // PATCH: only what is sent; an empty campus list makes the profile incomplete again (D25).
            let patch = try await client.call(.patch, "/auth/user/info/1/", ticket: alice.ticket, json: ["wcampus": [], "valid_sales_man": "yes"])
            XCTAssertEqual(patch.data?["name"]?.stringValue, "张三")
            XCTAssertEqual(patch.data?["valid_sales_man"]?.boolValue, true)
            let check3 = try await client.call(.get, "/auth/user/check_user_info/", ticket: alice.ticket)
            XCTAssertEqual(check3.data?["need_complete_stu_info"]?.boolValue, true)
            XCTAssertEqual(check3.data?["valid_sales_man"]?.boolValue, true)

            let post = try await client.call(.post, "/auth/user/info/1/", ticket: alice.ticket, json: Self.validInfo())
            XCTAssertEqual(post.code, 405)
        }
    }

    func testInfoFieldRulesWriteNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            func with(_ changes: [String: Any]) -> [String: Any] { Self.validInfo().merging(changes) { $1 } }
            let cases: [([String: Any], String, String)] = [
                (["email": "a@b.com"], "name", "该字段是必填项。"),
                (with(["name": NSNull()]), "name", "该字段不能为 null。"),
                (with(["name": String(repeating: "名", count: 31)]), "name", "请确保这个字段不能超过 30 个字符。"),
                (with(["email": "not-an-email"]), "email", "请输入合法的邮件地址。"),
                (with(["wechat": ""]), "wechat", "该字段不能为空。"),
                (with(["wcampus": "北京校区"]), "wcampus", "期望为一个包含物件的列表，得到的类型是“str”。"),
                (with(["wcampus": ["ok", ""]]), "wcampus", "该字段不能为空。"),
                (with(["wcampus": ["ok", NSNull()]]), "wcampus", "该字段不能为 null。"),
                (with(["wcampus": NSNull()]), "wcampus", "该字段不能为 null。"),
                (with(["cschool": 5, "valid_sales_man": "maybe"]), "valid_sales_man", "“maybe” 不是合法的布尔值。"),
                (with(["valid_sales_man": NSNull()]), "valid_sales_man", "该字段不能为 null。"),
            ]
            for (body, field, msg) in cases {
                let r = try await client.call(.put, "/auth/user/info/1/", ticket: alice.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            let r = try await client.call(.get, "/auth/user/info/1/", ticket: alice.ticket)
            XCTAssertEqual(r.data?["name"]?.stringValue, "")
            XCTAssertEqual(r.data?["cschool"]?.stringValue, "")
        }
    }

    func testInfoFormBodyQuirks() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            try await env.sql.raw("UPDATE summer_student_info SET valid_sales_man = \(bind: true)").run()
            let r = try await client.call(
                .put, "/auth/user/info/1/", ticket: alice.ticket,
                form: "name=%E5%BC%A0&email=a%40b.com&wechat=wx&wcampus=A&wcampus=B&cschool=s")
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["wcampus"], .array([.string("A"), .string("B")]))
            XCTAssertEqual(r.data?["valid_sales_man"]?.boolValue, false, "an omitted form boolean is false on PUT")
        }
    }

    func testStaffWithoutProfile() async throws {
        try await SummerTestEnv.run { env, client in
            let staff = try await env.account("market001", role: .market)
            let r = try await client.call(.get, "/auth/user/info/1/", ticket: staff.ticket)
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.msg, "暂未找到该用户的用户信息。")
            XCTAssertEqual(r.fieldName, "")
            let p = try await client.call(.put, "/auth/user/info/1/personal_file/", ticket: staff.ticket, json: ["gender": "bad"])
            XCTAssertEqual(p.msg, "暂未找到该用户的用户信息。", "profile lookup precedes validation")
            let c = try await client.call(.get, "/auth/user/check_user_info/", ticket: staff.ticket)
            XCTAssertEqual(c.msg, "不存在基础的用户信息")
        }
    }

    func testPersonalFile() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let bob = try await env.account("student02", role: .student)
            let empty = try await client.call(.get, "/auth/user/info/0/personal_file/", ticket: alice.ticket)
            XCTAssertEqual(empty.data?["gender"], .null)
            XCTAssertEqual(empty.data?["gpa"], .null)
            XCTAssertEqual(empty.data?.objectValue?.count, 12)

            let put = try await client.call(.put, "/auth/user/info/2/personal_file/", ticket: alice.ticket, json: [
                "first_name": "San", "last_name": "Zhang", "gender": ["key": "FEMALE"], "id_number": "110101199901010000",
                "major": "CS", "graduate_year": 2019, "gpa": "3.5", "name": "ignored",
            ])
            XCTAssertEqual(put.code, 0, put.bodyText)
            XCTAssertEqual(put.data?["gender"], .object(["key": .string("FEMALE"), "verbose": .string("女")]))
            XCTAssertEqual(put.data?["graduate_year"]?.stringValue, "2019")
            XCTAssertEqual(put.data?["gpa"]?.doubleValue, 3.5)
            XCTAssertEqual(put.data?["name"]?.stringValue, "")
            XCTAssertEqual(put.data?["id"]?.intValue, 1)

            // Bob cannot take Alice's id number; his file is untouched.
            let taken = try await client.call(.patch, "/auth/user/info/1/personal_file/", ticket: bob.ticket, json: ["id_number": "110101199901010000"])
            XCTAssertEqual(taken.code, 400)
            XCTAssertEqual(taken.fieldName, "id_number")
            XCTAssertEqual(taken.msg, "身份证号/护照号已存在")
            let bobFile = try await client.call(.get, "/auth/user/info/1/personal_file/", ticket: bob.ticket)
            XCTAssertEqual(bobFile.data?["id"]?.intValue, 2)
            XCTAssertEqual(bobFile.data?["id_number"], .null)
            // Alice may re-save her own number; PATCH null clears a nullable field.
            let same = try await client.call(.patch, "/auth/user/info/1/personal_file/", ticket: alice.ticket, json: ["id_number": "110101199901010000", "major": NSNull()])
            XCTAssertEqual(same.code, 0)
            XCTAssertEqual(same.data?["major"], .null)

            let cases: [([String: Any], String, String)] = [
                (["gpa": 3], "gender", "该字段是必填项。"),
                (["gender": "OTHER", "gpa": 3], "gender", "“OTHER” 不是合法选项。"),
                (["gender": ["nokey": 1], "gpa": 3], "gender", "“{\"nokey\":1}” 不是合法选项。"),
                (["gender": NSNull(), "gpa": 3], "gender", "该字段不能为 null。"),
                (["gender": "MALE"], "gpa", "该字段是必填项。"),
                (["gender": "MALE", "gpa": NSNull()], "gpa", "该字段不能为 null。"),
                (["gender": "MALE", "gpa": "abc"], "gpa", "请填写合法的数字。"),
                (["gender": "MALE", "gpa": "NaN"], "gpa", "请填写合法的数字。"),
                (["first_name": "", "gender": "MALE", "gpa": 3], "first_name", "该字段不能为空。"),
                (["first_name": String(repeating: "x", count: 31), "gender": "MALE", "gpa": 3], "first_name", "请确保这个字段不能超过 30 个字符。"),
            ]
            for (body, field, msg) in cases {
                let r = try await client.call(.put, "/auth/user/info/1/personal_file/", ticket: bob.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            let unchanged = try await client.call(.get, "/auth/user/info/1/personal_file/", ticket: bob.ticket)
            XCTAssertEqual(unchanged.data?["gender"], .null)
            let post = try await client.call(.post, "/auth/user/info/1/personal_file/", ticket: bob.ticket, json: [:])
            XCTAssertEqual(post.code, 405)
        }
    }

    func testScoreDetailsBelongToTheCaller() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let bob = try await env.account("student02", role: .student)
            let none = try await client.call(.get, "/auth/user/score_detail/\(alice.id)/", ticket: alice.ticket)
            XCTAssertEqual(none.code, 400)
            XCTAssertEqual(none.msg, "暂未找到该用户的成绩单详情，请先创建。")
            let body: [String: Any] = ["department": "英语部", "phone": "010-2014567", "country": "中国", "post_code": "631741", "address": "北京大学", "user": bob.id]
            let created = try await client.call(.post, "/auth/user/score_detail/", ticket: alice.ticket, json: body)
            XCTAssertEqual(created.code, 0)
            XCTAssertEqual(created.data?["user"]?.intValue, alice.id)
            XCTAssertEqual(created.data?["department"]?.stringValue, "英语部")
            let second = try await client.call(.post, "/auth/user/score_detail/", ticket: alice.ticket, json: body.merging(["country": "美国"]) { $1 })
            XCTAssertEqual(second.data?["id"]?.intValue, 2)
            _ = try await client.call(.post, "/auth/user/score_detail/", ticket: bob.ticket, json: body)

            let list = try await client.call(.get, "/auth/user/score_detail/", ticket: alice.ticket)
            XCTAssertEqual(list.data?.arrayValue?.map { $0["id"]?.intValue }, [1, 2])
            let latest = try await client.call(.get, "/auth/user/score_detail/3/", ticket: alice.ticket)
            XCTAssertEqual(latest.data?["id"]?.intValue, 2, "the caller's newest record, whatever {id} says")
            XCTAssertEqual(latest.data?["country"]?.stringValue, "美国")
            let bobList = try await client.call(.get, "/auth/user/score_detail/", ticket: bob.ticket)
            XCTAssertEqual(bobList.data?.arrayValue?.count, 1)

            let missing = try await client.call(.post, "/auth/user/score_detail/", ticket: alice.ticket, json: ["department": "x", "phone": "1", "country": "c", "post_code": "p"])
            XCTAssertEqual(missing.fieldName, "address")
            XCTAssertEqual(missing.msg, "该字段是必填项。")
            let long = try await client.call(.post, "/auth/user/score_detail/", ticket: alice.ticket, json: body.merging(["address": String(repeating: "a", count: 61)]) { $1 })
            XCTAssertEqual(long.msg, "请确保这个字段不能超过 60 个字符。")
            let rows = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rows, 3)
            let put = try await client.call(.put, "/auth/user/score_detail/1/", ticket: alice.ticket, json: body)
            XCTAssertEqual(put.code, 405)
        }
    }

    /// The id-number check runs before the transaction; the unique index must turn a lost race into the
    /// field error, never a 500, and leave exactly one holder.
    func testConcurrentSavesOfOneIDNumber() async throws {
        try await SummerTestEnv.run { env, client in
            var tickets: [String] = []
            for n in 1...6 { tickets.append(try await env.account("student0\(n)", role: .student).ticket) }
            let all = tickets
            try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for ticket in all {
                    group.addTask {
                        try await client.call(.patch, "/auth/user/info/1/personal_file/", ticket: ticket, json: ["id_number": "X123456"])
                    }
                }
                var codes: [Int?] = []
                for try await r in group {
                    codes.append(r.code)
                    if r.code != 0 {
                        XCTAssertEqual(r.fieldName, "id_number", r.bodyText)
                        XCTAssertEqual(r.msg, "身份证号/护照号已存在", r.bodyText)
                    }
                }
                XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
                XCTAssertEqual(codes.filter { $0 == 400 }.count, 5)
            }
            struct N: Decodable { let n: Int }
            let holders = try await env.sql.raw("SELECT COUNT(*) AS n FROM summer_student_info WHERE id_number = 'X123456'").first(decoding: N.self)
            XCTAssertEqual(holders?.n, 1)
        }
    }
}
