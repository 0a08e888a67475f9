import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Request text that used to stall the server or reach SQL unchecked: deeply nested JSON, long numbers,
/// U+0000 in tickets; and the links and passwords rules of decisions 41–42.
final class InputHardeningTests: XCTestCase {
    /// 1 MiB of nested objects: the ordinary body error, at once.
    func testPathologicalJSONBodyIsRefusedFast() async throws {
        try await SummerTestEnv.run { _, client in
            let body = String(repeating: #"{"a":"#, count: (1 << 20) / 5)
            let started = Date()
            let r = try await client.execute(
                uri: "/auth/user/login/", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            XCTAssertLessThan(Date().timeIntervalSince(started), 1)
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.msg, "JSON 格式错误")
            // 33 levels are refused, 32 accepted (then validated as usual).
            func nested(_ depth: Int) -> String {
                #"{"username":"AdminUser","password":"secret123","x":"# + String(repeating: "[", count: depth - 1)
                    + String(repeating: "]", count: depth - 1) + "}"
            }
            let deep = try await client.execute(
                uri: "/auth/user/login/", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: nested(33)))
            XCTAssertEqual(deep.msg, "JSON 格式错误")
            let allowed = try await client.execute(
                uri: "/auth/user/login/", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: nested(32)))
            XCTAssertEqual(allowed.msg, "用户名不存在")
        }
    }

    /// A 12,000-digit number followed by a letter: the ordinary field error, at once.
    func testHugeNumbersAreRefusedFast() async throws {
        try await SummerTestEnv.run { env, client in
            let huge = String(repeating: "9", count: 12_000) + "x"
            let student = try await env.account("student01", role: .student)
            var started = Date()
            let gpa = try await client.call(.patch, "/auth/user/info/\(student.id)/personal_file/", ticket: student.ticket, json: ["gpa": huge])
            XCTAssertLessThan(Date().timeIntervalSince(started), 1)
            XCTAssertEqual(gpa.fieldName, "gpa", gpa.bodyText)
            XCTAssertEqual(gpa.msg, FieldMessage.notNumber)

            let admin = try await env.account("admin0001", role: .admin)
            started = Date()
            let coupon = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: CouponTests.valid.merging(["amount": huge]) { $1 })
            XCTAssertLessThan(Date().timeIntervalSince(started), 1)
            XCTAssertEqual(coupon.fieldName, "amount", coupon.bodyText)
            XCTAssertEqual(coupon.msg, FieldMessage.notNumber)
            // Only digits: too many digits for the money column.
            let digits = try await client.call(
                .post, "/coupon/coupon/", ticket: admin.ticket, json: CouponTests.valid.merging(["amount": String(huge.dropLast())]) { $1 })
            XCTAssertEqual(digits.fieldName, "amount", digits.bodyText)
        }
        let reader = FieldReader(RequestInput(source: .json, values: ["n": .json(.string(String(repeating: "1", count: 12_000) + ".0x"))]), mode: .create)
        let started = Date()
        XCTAssertThrowsError(try reader.int("n")) { XCTAssertEqual(($0 as? AppError)?.msg, FieldMessage.notInteger) }
        XCTAssertThrowsError(try reader.double("n")) { XCTAssertEqual(($0 as? AppError)?.msg, FieldMessage.notNumber) }
        XCTAssertThrowsError(try reader.money("n")) { XCTAssertEqual(($0 as? AppError)?.msg, FieldMessage.notNumber) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(Money.parse(String(repeating: "0", count: 12_000) + "1.5"), .cents(150))
    }

    /// U+0000 in a ticket (query or cookie) is an unknown ticket: 401 where login is required, anonymous
    /// elsewhere — never a database error.
    func testNulInTicketIsAnUnknownTicket() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let query = try await client.call(.get, "/admin/child_user/?ticket=TK-%00abc")
            XCTAssertEqual(query.status, .ok)
            XCTAssertEqual(query.code, 401, query.bodyText)
            let withValid = try await client.call(.get, "/admin/child_user/?ticket=\(admin.ticket)%00")
            XCTAssertEqual(withValid.code, 401, withValid.bodyText)
            let cookie = try await client.call(.get, "/admin/child_user/", headers: [.cookie: "ticket=TK-%00"])
            XCTAssertEqual(cookie.code, 401, cookie.bodyText)
            let overlong = try await client.call(.get, "/admin/child_user/?ticket=" + String(repeating: "T", count: 5000))
            XCTAssertEqual(overlong.code, 401)
            // Open routes treat it as no ticket; logout with it succeeds and leaves real tickets alone.
            let logout = try await client.call(.put, "/auth/user/logout/?ticket=%00")
            XCTAssertEqual(logout.code, 401, logout.bodyText)
            let login = try await client.call(.post, "/auth/user/login/?ticket=%00", json: ["username": "admin\u{0}01", "password": "secret123"])
            XCTAssertEqual(login.status, .ok)
            XCTAssertEqual(login.fieldName, "username", login.bodyText)
        }
    }

    /// Decision 42: `next`/`previous` never carry the ticket, even when the request did.
    func testPageLinksDropTheTicket() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            for index in 0..<21 { try await env.makeUser("market\(100 + index)", role: .market) }
            let r = try await client.call(.get, "/admin/child_user/?ticket=\(admin.ticket)&page=2&x=1")
            XCTAssertEqual(r.code, 0, r.bodyText)
            let next = try XCTUnwrap(r.data?["next"]?.stringValue)
            let previous = try XCTUnwrap(r.data?["previous"]?.stringValue)
            XCTAssertFalse(next.contains("ticket"), next)
            XCTAssertFalse(previous.contains("ticket"), previous)
            XCTAssertTrue(next.hasSuffix("/admin/child_user/?page=3&x=1"), next)
            XCTAssertTrue(previous.hasSuffix("/admin/child_user/?x=1"), previous)
        }
    }

    /// Decision 41: one password rule wherever a password is set.
    func testPasswordRule() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let staff = try await env.makeUser("market01", role: .market)
            // 20 code points, 80 bytes: within the length, beyond bcrypt's 72 bytes.
            let wide = String(repeating: "😀", count: 20)
            let created = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: ChildUserTests.body().merging(["password": wide]) { $1 })
            XCTAssertEqual(created.fieldName, "password", created.bodyText)
            XCTAssertEqual(created.msg, "密码不能超过72个字节")
            let nul = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: ChildUserTests.body().merging(["password": "abc\u{0}defg"]) { $1 })
            XCTAssertEqual(nul.fieldName, "password")
            XCTAssertEqual(nul.msg, "不允许包含空字符。")
            let patch = try await client.call(.patch, "/admin/child_user/\(staff)/", ticket: admin.ticket, json: ["password": wide])
            XCTAssertEqual(patch.msg, "密码不能超过72个字节")

            let reset = "/admin/child_user/\(staff)/update_password/"
            let wideReset = try await client.call(.put, reset, ticket: admin.ticket, json: ["password": wide])
            XCTAssertEqual(wideReset.fieldName, "password")
            XCTAssertEqual(wideReset.msg, "密码不能超过72个字节")
            let nulReset = try await client.call(.put, reset, ticket: admin.ticket, json: ["password": "abc\u{0}defg"])
            XCTAssertEqual(nulReset.fieldName, "password")
            XCTAssertEqual(nulReset.msg, "不允许包含空字符。")
            // Lengths count code points: three accented letters written with combining marks are six.
            let combining = String(repeating: "e\u{301}", count: 3)
            let accepted = try await client.call(.put, reset, ticket: admin.ticket, json: ["password": combining])
            XCTAssertEqual(accepted.code, 0, accepted.bodyText)
            let short = try await client.call(.put, reset, ticket: admin.ticket, json: ["password": "abcde"])
            XCTAssertEqual(short.msg, "密码必须大于6位")

            do {
                _ = try await SummerSchoolApp.createAdmin(username: "newadmin1", password: wide, database: env.database)
                XCTFail("expected the byte limit to refuse the password")
            } catch let error as OperatorError {
                XCTAssertTrue(error.description.contains("72"), error.description)
            }
        }
    }

    /// Decision 39: without the stub switch and without credentials, WeChat sign-in is off.
    func testWeChatSignInIsOffUnlessConfigured() async throws {
        try await SummerTestEnv.run(wechat: nil) { env, client in
            let r = try await client.call(.get, "/auth/user/check_account/?code=abc")
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.code, 503)
            XCTAssertEqual(r.msg, "微信登录未配置")
            XCTAssertEqual(r.fieldName, "")
            let users = try await env.count("summer_user")
            XCTAssertEqual(users, 0)
            let admin = try await env.account("admin0001", role: .admin)
            let created = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: ChildUserTests.body())
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data?["qr_code"], .string(""))
        }
        try await SummerTestEnv.run(settings: SummerSettings(wechatStub: true), wechat: nil) { _, client in
            let r = try await client.call(.get, "/auth/user/check_account/?code=abc")
            XCTAssertEqual(r.code, 0, r.bodyText)
        }
    }
}
