import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

final class WeChatSignInTests: XCTestCase {
    func testCheckAccountCreatesStudentProfileTicketAndConsultantLink() async throws {
        try await SummerTestEnv.run(settings: SummerSettings(publicBaseURL: "http://apply.example.com/")) { env, client in
            try await env.sql.raw("INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('z', 'w', 'e@x.com', 'common/sales_man/a.png')").run()
            let r = try await client.call(.get, "/auth/user/check_account/?code=abc")
            XCTAssertEqual(r.code, 0, r.bodyText)
            let ticket = try XCTUnwrap(r.data?["ticket"]?.stringValue)
            XCTAssertEqual(r.data?["need_complete_student_info"]?.boolValue, true)
            XCTAssertEqual(r.data?["valid_sales_man"]?.boolValue, false)
            XCTAssertEqual(r.headers[.setCookie], "ticket=\(ticket); HttpOnly; SameSite=Lax; Path=/")
            struct User: Decodable { let id: Int; let username: String; let role: String; let password: String? }
            let user = try await env.sql.raw("SELECT id, username, role, password FROM summer_user").first(decoding: User.self)!
            XCTAssertEqual(user.username, "stub_abc")
            XCTAssertEqual(user.role, "STUDENT")
            XCTAssertNil(user.password)
            XCTAssertEqual(r.data?["user_id"]?.intValue, user.id)
            struct Profile: Decodable { let openid: String?; let wx_name: String?; let gender: String?; let gpa: Double? }
            let profile = try await env.sql.raw("SELECT openid, wx_name, gender, gpa FROM summer_student_info").first(decoding: Profile.self)!
            XCTAssertEqual(profile.openid, "stub_abc")
            XCTAssertEqual(profile.wx_name, "stub_abc")
            XCTAssertNil(profile.gender)
            let links = try await env.count("summer_sales_man_user")
            XCTAssertEqual(links, 1)

            // With that valid ticket: no new ticket, same user, nothing written (D19) — even with an invalid code.
            let again = try await client.call(.get, "/auth/user/check_account/?code=invalid-code", ticket: ticket)
            XCTAssertEqual(again.code, 0)
            XCTAssertEqual(again.data?["ticket"]?.stringValue, ticket)
            let tickets = try await env.count("summer_ticket")
            XCTAssertEqual(tickets, 1)

            // A second sign-in of the same openid reuses the account and profile.
            let second = try await client.call(.get, "/auth/user/check_account/?code=abc")
            XCTAssertEqual(second.data?["user_id"]?.intValue, user.id)
            XCTAssertNotEqual(second.data?["ticket"]?.stringValue, ticket)
            let users = try await env.count("summer_user"), profiles = try await env.count("summer_student_info")
            XCTAssertEqual(users, 1)
            XCTAssertEqual(profiles, 1)

            // assign_sales_man: the consultant object, the ticket only in the cookie.
            let assigned = try await client.call(.get, "/auth/user/assign_sales_man/?code=abc")
            XCTAssertEqual(assigned.data, .object([
                "id": .int(1), "name": .string("z"), "email": .string("e@x.com"),
                "qr_code": .string("http://apply.example.com/media/common/sales_man/a.png"), "wechat": .string("w"),
            ]))
            XCTAssertNil(assigned.data?["ticket"])
            XCTAssertTrue(assigned.headers[.setCookie]?.hasPrefix("ticket=TK-") == true)
        }
    }

    /// Concurrent first sign-ins of one openid: one account, one profile, one consultant link, every caller
    /// signed in as that account (the unique username/user_id indexes and the retry, never a 500).
    func testConcurrentFirstSignInsOfOneOpenid() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.sql.raw("INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('z', 'w', 'e@x.com', '')").run()
            try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<6 { group.addTask { try await client.call(.get, "/auth/user/check_account/?code=same") } }
                var ids = Set<Int?>()
                for try await r in group {
                    XCTAssertEqual(r.code, 0, r.bodyText)
                    ids.insert(r.data?["user_id"]?.intValue)
                }
                XCTAssertEqual(ids.count, 1)
            }
            let users = try await env.count("summer_user"), profiles = try await env.count("summer_student_info")
            let links = try await env.count("summer_sales_man_user"), tickets = try await env.count("summer_ticket")
            XCTAssertEqual(users, 1)
            XCTAssertEqual(profiles, 1)
            XCTAssertEqual(links, 1)
            XCTAssertEqual(tickets, 6)
        }
    }

    func testCodeRulesAndWeChatFailures() async throws {
        try await SummerTestEnv.run { env, client in
            let cases: [(String, String, String)] = [
                ("/auth/user/check_account/", "code", "该字段是必填项。"),
                ("/auth/user/check_account/?code=", "code", "该字段不能为空。"),
                ("/auth/user/check_account/?code=\(String(repeating: "a", count: 101))", "code", "请确保这个字段不能超过 100 个字符。"),
                ("/auth/user/check_account/?code=invalid1", "", "无效的code值, 微信网页认证失败"),
                ("/auth/user/assign_sales_man/?code=invalid1", "", "无效的code值, 微信网页认证失败"),
            ]
            for (uri, field, msg) in cases {
                let r = try await client.call(.get, uri)
                XCTAssertEqual(r.code, 400, uri)
                XCTAssertEqual(r.fieldName, field, uri)
                XCTAssertEqual(r.msg, msg, uri)
            }
            // Inactive student (D26) and an openid that is a staff username.
            try await env.makeUser("stub_gone", role: .student, active: false)
            try await env.makeUser("stub_staff", role: .market)
            let inactive = try await client.call(.get, "/auth/user/check_account/?code=gone")
            XCTAssertEqual(inactive.msg, "该用户已被禁用")
            let staff = try await client.call(.get, "/auth/user/assign_sales_man/?code=staff")
            XCTAssertEqual(staff.msg, "无效的code值, 微信网页认证失败")
            try await env.makeUser("Stub_Upper", role: .finance)
            let clash = try await client.call(.get, "/auth/user/check_account/?code=upper")
            XCTAssertEqual(clash.msg, "无效的code值, 微信网页认证失败")
            let tickets = try await env.count("summer_ticket"), users = try await env.count("summer_user")
            XCTAssertEqual(tickets, 0)
            XCTAssertEqual(users, 3)
        }
    }

    func testAssignSalesManWithoutConsultantsIsEmptyObject() async throws {
        try await SummerTestEnv.run { env, client in
            let r = try await client.call(.get, "/auth/user/assign_sales_man/?code=x1")
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.data, .object([:]))
        }
    }
}

final class ConsultantAndCouponTests: XCTestCase {
    func testConsultantGetAssignsOnceAndPostRules() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let bob = try await env.account("student02", role: .student)
            let none = try await client.call(.get, "/auth/user/7/sales_man/", ticket: alice.ticket)
            XCTAssertEqual(none.data, .object([:]))

            let noSuch = try await client.call(.post, "/auth/user/1/sales_man/", ticket: bob.ticket, json: ["sales_man": 9])
            XCTAssertEqual(noSuch.fieldName, "non_field_errors")
            XCTAssertEqual(noSuch.msg, "销售人员不存在")
            let bad = try await client.call(.post, "/auth/user/1/sales_man/", ticket: bob.ticket, json: ["sales_man": "x"])
            XCTAssertEqual(bad.fieldName, "sales_man")
            XCTAssertEqual(bad.msg, "请填写合法的整数值。")
            let missing = try await client.call(.post, "/auth/user/1/sales_man/", ticket: bob.ticket, json: [:])
            XCTAssertEqual(missing.msg, "该字段是必填项。")

            try await env.sql.raw("INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('z', 'w', 'e@x.com', '')").run()
            try await env.sql.raw("INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('y', 'v', 'f@x.com', '')").run()
            let chosen = try await client.call(.post, "/auth/user/1/sales_man/", ticket: bob.ticket, json: ["sales_man": 2, "user": alice.id])
            XCTAssertEqual(chosen.code, 0)
            XCTAssertEqual(chosen.msg, "操作成功")
            let twice = try await client.call(.post, "/auth/user/1/sales_man/", ticket: bob.ticket, json: ["sales_man": 1])
            XCTAssertEqual(twice.msg, "已有关联的销售顾问")
            let bobs = try await client.call(.get, "/auth/user/1/sales_man/", ticket: bob.ticket)
            XCTAssertEqual(bobs.data?["id"]?.intValue, 2)
            XCTAssertEqual(bobs.data?["qr_code"], .null)

            // Alice: concurrent first reads assign exactly one consultant.
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await client.call(.get, "/auth/user/x/sales_man/", ticket: alice.ticket).data?["id"]?.intValue }
                }
                var ids = Set<Int?>()
                for try await id in group { ids.insert(id) }
                XCTAssertEqual(ids.count, 1)
            }
            let links = try await env.count("summer_sales_man_user")
            XCTAssertEqual(links, 2)

            // Login now reports the consultant.
            let login = try await client.call(.post, "/auth/user/login/", json: ["username": "student01", "password": "secret123"])
            XCTAssertEqual(login.data?["valid_sales_man"]?.boolValue, true)
        }
    }

    func testCouponListShowsTheCallersUsableCoupons() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let bob = try await env.account("student02", role: .student)
            for (code, cents) in [("AAAA", 100_050), ("BBBB", 200_000), ("CCCC", 5)] {
                try await env.sql.raw("""
                    INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
                    VALUES (\(bind: code), \(bind: Int64(cents)), 'info', 0, 1497804049000000, 1498755053500000, 10, \(bind: true))
                    """).run()
            }
            try await env.sql.raw("INSERT INTO summer_user_coupon (user_id, coupon_id, status) VALUES (\(bind: alice.id), 2, 'TO_USE'), (\(bind: alice.id), 1, 'TO_USE'), (\(bind: alice.id), 3, 'LOCKED'), (\(bind: bob.id), 3, 'TO_USE')").run()
            let r = try await client.call(.get, "/auth/user/anything/coupon_list/", ticket: alice.ticket)
            XCTAssertEqual(r.code, 0)
            let items = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(items.map { $0["id"]?.intValue }, [1, 2])
            XCTAssertEqual(items[0]["amount"]?.doubleValue, 1000.5)
            XCTAssertEqual(items[0]["start_time"]?.stringValue, "2017-06-18T16:40:49Z")
            XCTAssertEqual(items[0]["end_time"]?.stringValue, "2017-06-29T16:50:53.500000Z")
            XCTAssertEqual(items[0].objectValue?.count, 6)
            let bobs = try await client.call(.get, "/auth/user/1/coupon_list/", ticket: bob.ticket)
            XCTAssertEqual(bobs.data?.arrayValue?.map { $0["coupon_code"]?.stringValue }, ["CCCC"])
        }
    }
}
