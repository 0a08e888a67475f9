import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Decision 40: five failed password logins per username (any letter case) within 900 s → 429, without
/// checking the password; concurrent attempts are serialised, so right passwords are never refused.
final class LoginThrottleTests: XCTestCase {
    static let throttled = "登录失败次数过多，请15分钟后再试"

    static func login(_ client: some TestClientProtocol, _ username: String, _ password: String) async throws -> TestResponse {
        try await client.call(.post, "/auth/user/login/", json: ["username": username, "password": password])
    }

    func testFiveFailuresThrottleTheUsernameInAnyCase() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.makeUser("AdminUser", role: .admin)
            for (index, spelling) in ["AdminUser", "adminuser", "ADMINUSER", "adminUser", "AdminUser"].enumerated() {
                let r = try await Self.login(client, spelling, "wrong\(index)pw")
                XCTAssertEqual(r.code, 400, r.bodyText)
                XCTAssertEqual(r.msg, "用户名或密码错误")
            }
            let refused = try await Self.login(client, "ADMINuser", "secret123")
            XCTAssertEqual(refused.code, 429, refused.bodyText)
            XCTAssertEqual(refused.msg, Self.throttled)
            XCTAssertEqual(refused.fieldName, "username")
            let recorded = try await env.count("summer_login_failure")
            XCTAssertEqual(recorded, 5, "refused attempts record nothing")

            // After the window the right password passes and clears the name's failures.
            try await env.sql.raw("UPDATE summer_login_failure SET time = time - 901").run()
            let ok = try await Self.login(client, "AdminUser", "secret123")
            XCTAssertEqual(ok.code, 0, ok.bodyText)
            let left = try await env.count("summer_login_failure")
            XCTAssertEqual(left, 0)
        }
    }

    /// Unknown usernames keep their message, cost a bcrypt check, and are throttled too.
    func testUnknownUsernamesAreThrottled() async throws {
        try await SummerTestEnv.run { _, client in
            for _ in 0..<5 {
                let r = try await Self.login(client, "nobody01", "whatever1")
                XCTAssertEqual(r.msg, "用户名不存在")
            }
            let r = try await Self.login(client, "NOBODY01", "whatever1")
            XCTAssertEqual(r.code, 429)
            XCTAssertEqual(r.fieldName, "username")
        }
    }

    /// Eight simultaneous logins with the right password all succeed; twenty simultaneous wrong ones test
    /// exactly five passwords.
    func testConcurrentLogins() async throws {
        try await SummerTestEnv.run { env, client in
            // A production-cost hash, so the attempts overlap.
            let id = try await env.makeUser("teacher01", role: .admin)
            let hash = try await Passwords().hash("secret123")
            try await env.sql.raw("UPDATE summer_user SET password = \(bind: hash) WHERE id = \(bind: id)").run()
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<8 { group.addTask { try await Self.login(client, "teacher01", "secret123").code } }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(codes, Array(repeating: 0, count: 8))

            let wrong = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<20 { group.addTask { try await Self.login(client, "teacher01", "wrong\(index)pw").code } }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(wrong.filter { $0 == 400 }.count, 5, "\(wrong)")
            XCTAssertEqual(wrong.filter { $0 == 429 }.count, 15, "\(wrong)")
        }
    }

    /// A failed login purges the name's expired failures and a bounded batch of other expired rows.
    func testFailedLoginPurgesExpiredRows() async throws {
        try await SummerTestEnv.run { env, client in
            let old = Int(Date().timeIntervalSince1970) - 2000
            for index in 0..<(LoginThrottle.purgeBatch + 5) {
                try await env.sql.raw("INSERT INTO summer_login_failure (name, time) VALUES (\(bind: "x\(index)"), \(bind: old))").run()
            }
            _ = try await Self.login(client, "someone1", "wrongpass")
            let left = try await env.count("summer_login_failure")
            XCTAssertEqual(left, 5 + 1, "one batch purged, this failure recorded")
        }
    }

    /// The login route reads at most 1 MiB, multipart included (other routes allow 10 MiB multipart).
    func testLoginBodyLimit() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.makeUser("AdminUser", role: .admin)
            let boundary = "XyZ"
            let filler = String(repeating: "a", count: (1 << 20) + 10)
            let body = """
                --\(boundary)\r\nContent-Disposition: form-data; name="username"\r\n\r\nAdminUser\r\n\
                --\(boundary)\r\nContent-Disposition: form-data; name="password"\r\n\r\nsecret123\r\n\
                --\(boundary)\r\nContent-Disposition: form-data; name="pad"\r\n\r\n\(filler)\r\n--\(boundary)--\r\n
                """
            let r = try await client.execute(
                uri: "/auth/user/login/", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
            XCTAssertEqual(r.code, 400, r.bodyText)
            XCTAssertEqual(r.msg, "请求数据过大")
            // A small multipart login still works.
            let small = """
                --\(boundary)\r\nContent-Disposition: form-data; name="username"\r\n\r\nAdminUser\r\n\
                --\(boundary)\r\nContent-Disposition: form-data; name="password"\r\n\r\nsecret123\r\n--\(boundary)--\r\n
                """
            let ok = try await client.execute(
                uri: "/auth/user/login/", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: small))
            XCTAssertEqual(ok.code, 0, ok.bodyText)
        }
    }
}
