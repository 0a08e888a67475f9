import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// §1.5 under load and hostile input: concurrent right passwords wait rather than being refused, bodies
/// and tokens that used to stall or reach SQL are ordinary errors, failure rows are purged.
final class LoginHardeningTests: XCTestCase {
    /// Eight simultaneous logins of one account with the right password all succeed.
    func testConcurrentCorrectLoginsAllSucceed() async throws {
        try await TutoringHarness.run { h in
            let id = try await h.createStaff(name: "admin", role: 1)
            // A production-cost hash, so the attempts overlap.
            let hash = try await Passwords().hash(TutoringHarness.defaultPassword)
            try await h.sql.raw("UPDATE tutoring_staff SET password_hash = \(bind: hash) WHERE id = \(bind: id)").run()
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await h.post("/admin/user/login", json: ["name": "admin", "password": TutoringHarness.defaultPassword]).code }
                }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(codes, Array(repeating: 0, count: 8))
            let sessions = try await h.count("tutoring_session")
            XCTAssertEqual(sessions, 8)
        }
    }

    /// 1 MiB of nested objects is the ordinary body error, at once.
    func testPathologicalJSONBodyIsRefusedFast() async throws {
        try await TutoringHarness.run { h in
            let body = String(repeating: #"{"a":"#, count: (1 << 20) / 5)
            let started = Date()
            let r = try await h.send(.post, "/admin/user/login", body: ByteBuffer(string: body))
            XCTAssertLessThan(Date().timeIntervalSince(started), 1)
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.msg, "请求数据格式错误")
        }
    }

    /// The login route reads at most 1 MiB.
    func testLoginBodyLimit() async throws {
        try await TutoringHarness.run { h in
            try await h.createStaff(name: "admin", role: 1)
            let pad = String(repeating: "a", count: 1 << 20)
            let r = try await h.post("/admin/user/login", json: ["name": "admin", "password": TutoringHarness.defaultPassword, "pad": pad])
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.msg, "请求数据格式错误")
            let form = try await h.send(
                .post, "/admin/user/login", headers: [.contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(string: String(repeating: "b", count: (1 << 20) + 1)))
            XCTAssertEqual(form.msg, "请求数据格式错误")
        }
    }

    /// U+0000 in a token or a name is an unknown session / an ordinary field error, never a 500.
    func testNulCharactersInCredentials() async throws {
        try await TutoringHarness.run { h in
            let bearer = try await h.send(.get, "/admin/user/info", headers: [.authorization: "Bearer abc\u{0}def"])
            XCTAssertEqual(bearer.code, 401, bearer.bodyText)
            let cookie = try await h.send(.get, "/admin/user/info", headers: [.cookie: "tutoring_sid=%00abc"])
            XCTAssertEqual(cookie.code, 401, cookie.bodyText)
            let login = try await h.post("/admin/user/login", json: ["name": "ad\u{0}min", "password": "secret1"])
            XCTAssertEqual(login.code, 400, login.bodyText)
            XCTAssertEqual(login.fieldName, "name")
            let search = try await h.get("/admin/user/info", query: ["x": "\u{0}"])
            XCTAssertEqual(search.code, 401)
        }
    }

    /// A failed login purges a bounded batch of expired failure rows of any name.
    func testFailedLoginPurgesExpiredRows() async throws {
        try await TutoringHarness.run { h in
            let old = Int(Date().timeIntervalSince1970) - 2000
            for index in 0..<(LoginThrottle.purgeBatch + 7) {
                try await h.sql.raw("INSERT INTO tutoring_login_failure (name, time) VALUES (\(bind: "x\(index)"), \(bind: old))").run()
            }
            _ = try await h.post("/admin/user/login", json: ["name": "someone", "password": "wrongpass"])
            let left = try await h.count("tutoring_login_failure")
            XCTAssertEqual(left, 7 + 1, "one batch purged, this failure recorded")
        }
    }

    /// The password rule shared with the summer API; this API words every violation with its own message.
    func testPasswordRule() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 1)
            for bad in ["abc\u{0}defg", String(repeating: "é", count: 10), "short"] {
                let r = try await h.put("/admin/user/password", token: me.token, json: [
                    "oldpassword": TutoringHarness.defaultPassword, "password": bad, "repassword": bad,
                ])
                XCTAssertEqual(r.msg, "密码长度应为6-30位，且只能包含字母、数字和英文符号", bad)
                XCTAssertEqual(r.fieldName, "password")
            }
        }
    }
}
