import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

final class LoginTests: XCTestCase {
    func testLoginSuccessSetsCookieAndComputedFlags() async throws {
        try await SummerTestEnv.run { env, client in
            let adminID = try await env.makeUser("AdminUser", role: .admin)
            let r = try await client.call(.post, "/auth/user/login/", json: ["username": "  adminuser ", "password": "secret123"])
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.msg, "登录成功")
            XCTAssertEqual(r.data?["user_id"]?.intValue, adminID)
            XCTAssertEqual(r.data?["role"]?.stringValue, "ADMIN")
            XCTAssertEqual(r.data?["need_complete_student_info"]?.boolValue, false)
            XCTAssertEqual(r.data?["valid_sales_man"]?.boolValue, true)
            let ticket = try XCTUnwrap(r.data?["ticket"]?.stringValue)
            XCTAssertTrue(ticket.range(of: "^TK-[0-9A-Za-z]{20}$", options: .regularExpression) != nil)
            XCTAssertEqual(r.headers[.setCookie], "ticket=\(ticket); HttpOnly; SameSite=Lax; Path=/")
            struct Row: Decodable { let last_login: Int64? }
            let row = try await env.sql.raw("SELECT last_login FROM summer_user WHERE id = \(bind: adminID)").first(decoding: Row.self)
            XCTAssertNotNil(row?.last_login)

            // A student with an incomplete profile and no consultant.
            try await env.makeUser("StudentTest", role: .student)
            let s = try await client.call(.post, "/auth/user/login", json: ["username": "StudentTest", "password": "secret123"])
            XCTAssertEqual(s.data?["role"]?.stringValue, "STUDENT")
            XCTAssertEqual(s.data?["need_complete_student_info"]?.boolValue, true)
            XCTAssertEqual(s.data?["valid_sales_man"]?.boolValue, false)
        }
    }

    func testLoginStudentFlagsFollowProfileAndConsultant() async throws {
        try await SummerTestEnv.run { env, client in
            let id = try await env.makeUser("student01", role: .student, profile: false)
            try await env.makeProfile(userID: id, name: "张三", email: "a@b.com", wechat: "wx", wcampus: "[\"北京校区\"]")
            try await env.sql.raw("INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('z', 'w', 'e@x.com', '')").run()
            try await env.sql.raw("INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) VALUES (\(bind: id), 1, 'NEW', 0)").run()
            let r = try await client.call(.post, "/auth/user/login/", json: ["username": "student01", "password": "secret123"])
            XCTAssertEqual(r.data?["need_complete_student_info"]?.boolValue, false)
            XCTAssertEqual(r.data?["valid_sales_man"]?.boolValue, true)
        }
    }

    func testLoginFieldRulesAndBusinessRules() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.makeUser("active01", role: .admin)
            try await env.makeUser("inactive1", role: .market, active: false)
            try await env.makeUser("wechatuser", password: nil, role: .student)
            let cases: [([String: Any], String, String)] = [
                ([:], "username", "该字段是必填项。"),
                (["username": NSNull(), "password": "x"], "username", "该字段不能为 null。"),
                (["username": "   ", "password": "x"], "username", "该字段不能为空。"),
                (["username": "abc", "password": "x"], "username", "请确保这个字段至少包含 6 个字符。"),
                (["username": String(repeating: "a", count: 31), "password": "x"], "username", "请确保这个字段不能超过 30 个字符。"),
                (["username": true, "password": "x"], "username", "请填写合法的字符串。"),
                (["username": ["a"], "password": "x"], "username", "请填写合法的字符串。"),
                (["username": "active01"], "password", "该字段是必填项。"),
                (["username": "active01", "password": "12345"], "password", "请确保这个字段至少包含 6 个字符。"),
                (["username": "nobody01", "password": "secret123"], "non_field_errors", "用户名不存在"),
                (["username": "active01", "password": "wrong123"], "non_field_errors", "用户名或密码错误"),
                (["username": "wechatuser", "password": "secret123"], "non_field_errors", "用户名或密码错误"),
                (["username": "inactive1", "password": "secret123"], "non_field_errors", "该用户已被禁用"),
            ]
            for (body, field, msg) in cases {
                let r = try await client.call(.post, "/auth/user/login/", json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
                XCTAssertNil(r.headers[.setCookie])
            }
            let tickets = try await env.count("summer_ticket")
            XCTAssertEqual(tickets, 0)
        }
    }

    func testLoginAcceptsFormBody() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.makeUser("formuser1", role: .finance)
            let r = try await client.call(.post, "/auth/user/login/", form: "username=formuser1&password=secret123")
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.data?["role"]?.stringValue, "FINANCE")
        }
    }

    func testDjangoHashIsVerifiedAndReplacedByBcrypt() async throws {
        try await SummerTestEnv.run { env, client in
            let id = try await env.makeUser("imported1", password: nil, role: .admin)
            let django = Passwords.djangoHash("secret123", salt: "abcdefghijkl", rounds: 1000)
            try await env.sql.raw("UPDATE summer_user SET password = \(bind: django) WHERE id = \(bind: id)").run()
            let r = try await client.call(.post, "/auth/user/login/", json: ["username": "imported1", "password": "secret123"])
            XCTAssertEqual(r.code, 0)
            struct Row: Decodable { let password: String }
            let stored = try await env.sql.raw("SELECT password FROM summer_user WHERE id = \(bind: id)").first(decoding: Row.self)!.password
            XCTAssertTrue(stored.hasPrefix("$2"))
            let again = try await client.call(.post, "/auth/user/login/", json: ["username": "imported1", "password": "secret123"])
            XCTAssertEqual(again.code, 0)
        }
    }

    /// A password reset landing between the login's verification and its session: the login that verified
    /// the old hash gets no ticket and its rehash does not overwrite the new password.
    func testPasswordResetRacingALoginWins() async throws {
        try await SummerTestEnv.run { env, _ in
            let id = try await env.makeUser("imported2", password: nil, role: .admin)
            let django = Passwords.djangoHash("oldpass1", salt: "abcdefghijkl", rounds: 1000)
            try await env.sql.raw("UPDATE summer_user SET password = \(bind: django) WHERE id = \(bind: id)").run()
            let verified = LoginRoutes.Account(id: id, password: django, role: "ADMIN", is_active: true)
            let reset = try await Passwords(cost: 4).hash("newpass1")
            try await env.sql.raw("UPDATE summer_user SET password = \(bind: reset) WHERE id = \(bind: id)").run()
            let rehash = try await Passwords(cost: 4).hash("oldpass1")
            do {
                _ = try await env.database.transaction { sql in try await LoginRoutes.openSession(verified, rehash: rehash, on: sql) }
                XCTFail("a session was opened on a replaced password")
            } catch let error as AppError {
                XCTAssertEqual(error.msg, "用户名或密码错误")
            }
            struct Row: Decodable { let password: String }
            let stored = try await env.sql.raw("SELECT password FROM summer_user WHERE id = \(bind: id)").first(decoding: Row.self)?.password
            XCTAssertEqual(stored, reset)
            let tickets = try await env.count("summer_ticket")
            XCTAssertEqual(tickets, 0)
        }
    }

    func testTicketTransportExpiryInactiveAndLogout() async throws {
        try await SummerTestEnv.run { env, client in
            let id = try await env.makeUser("student01", role: .student)
            let ticket = try await env.login(client, "student01")
            // cookie and query both work
            let byCookie = try await client.call(.get, "/auth/user/score_detail/", ticket: ticket)
            XCTAssertEqual(byCookie.code, 0)
            let byQuery = try await client.call(.get, "/auth/user/score_detail/?ticket=\(ticket)")
            XCTAssertEqual(byQuery.code, 0)
            // the cookie wins over the query
            let cookieWins = try await client.call(.get, "/auth/user/score_detail/?ticket=\(ticket)", ticket: "TK-bogus")
            XCTAssertEqual(cookieWins.code, 401)

            // logout with the query ticket revokes it (D18) and expires the cookie
            let out = try await client.call(.put, "/auth/user/logout/?ticket=\(ticket)")
            XCTAssertEqual(out.code, 0)
            XCTAssertEqual(out.msg, "退出登录成功")
            XCTAssertEqual(out.data, .object([:]))
            XCTAssertTrue(out.headers[.setCookie]?.hasPrefix("ticket=; Max-Age=0") == true)
            let after = try await client.call(.get, "/auth/user/score_detail/", ticket: ticket)
            XCTAssertEqual(after.code, 401)

            // expiry: exactly 24 h
            let second = try await env.login(client, "student01")
            struct Row: Decodable { let create_time: Int64; let expired_time: Int64 }
            let row = try await env.sql.raw("SELECT create_time, expired_time FROM summer_ticket WHERE ticket = \(bind: second)").first(decoding: Row.self)!
            XCTAssertEqual(row.expired_time - row.create_time, 24 * 3600 * 1_000_000)
            try await env.sql.raw("UPDATE summer_ticket SET expired_time = \(bind: SummerTime.now() - 1) WHERE ticket = \(bind: second)").run()
            let expired = try await client.call(.get, "/auth/user/score_detail/", ticket: second)
            XCTAssertEqual(expired.code, 401)
            let left = try await env.count("summer_ticket")
            XCTAssertEqual(left, 0, "the expired ticket is deleted on use")

            // deactivation takes effect immediately (D3)
            let third = try await env.login(client, "student01")
            try await env.sql.raw("UPDATE summer_user SET is_active = \(bind: false) WHERE id = \(bind: id)").run()
            let inactive = try await client.call(.get, "/auth/user/score_detail/", ticket: third)
            XCTAssertEqual(inactive.json, .object(["code": .int(401), "msg": .string("未登陆")]))
        }
    }

    func testIssuingDeletesTheUsersExpiredTickets() async throws {
        try await SummerTestEnv.run { env, client in
            let id = try await env.makeUser("student01", role: .student)
            let old = try await env.ticket(for: id)
            try await env.sql.raw("UPDATE summer_ticket SET expired_time = 5 WHERE ticket = \(bind: old)").run()
            _ = try await env.login(client, "student01")
            struct Row: Decodable { let ticket: String }
            let rows = try await env.sql.raw("SELECT ticket FROM summer_ticket").all(decoding: Row.self)
            XCTAssertEqual(rows.count, 1)
            XCTAssertNotEqual(rows.first?.ticket, old)
        }
    }

    func testUserListIsAdminOnly() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let student = try await env.account("student01", role: .student)
            for t in [market.ticket, student.ticket] {
                let r = try await client.call(.get, "/auth/user/", ticket: t)
                XCTAssertEqual(r.code, 403)
                XCTAssertEqual(r.msg, "您没有执行该操作的权限。")
            }
            let r = try await client.call(.get, "/auth/user/", ticket: admin.ticket)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.data?["count"]?.intValue, 3)
            let first = try XCTUnwrap(r.data?["results"]?[0])
            XCTAssertEqual(first["username"]?.stringValue, "admin0001")
            XCTAssertEqual(first["role"]?.stringValue, "ADMIN")
            XCTAssertEqual(first["name"], .null)
            XCTAssertEqual(first["last_login"], .null)
            XCTAssertEqual(first["qr_code"], .null)
            XCTAssertEqual(first["is_superuser"]?.boolValue, false)
            XCTAssertTrue(first["create_time"]?.stringValue?.hasSuffix("Z") == true)
            XCTAssertEqual(first.objectValue?.count, 8)
        }
    }

    func testCreateAdmin() async throws {
        try await SummerTestEnv.run { env, client in
            let id = try await SummerSchoolApp.createAdmin(username: " Founder1 ", password: "longpass1", database: env.database)
            let r = try await client.call(.post, "/auth/user/login/", json: ["username": "founder1", "password": "longpass1"])
            XCTAssertEqual(r.data?["user_id"]?.intValue, id)
            XCTAssertEqual(r.data?["role"]?.stringValue, "ADMIN")
            for (u, p) in [("FOUNDER1", "longpass1"), ("short", "longpass1"), ("founder2", "12345"), (String(repeating: "x", count: 31), "longpass1"),
                           // 20 characters but 40 code points: login would refuse it (over 30).
                           (String(repeating: "e\u{301}", count: 20), "longpass1"), ("founder3", String(repeating: "e\u{301}", count: 20))] {
                do {
                    _ = try await SummerSchoolApp.createAdmin(username: u, password: p, database: env.database)
                    XCTFail("\(u) accepted")
                } catch is OperatorError {
                }
            }
            let users = try await env.count("summer_user")
            XCTAssertEqual(users, 1)
        }
    }
}
