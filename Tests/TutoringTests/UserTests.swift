import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

final class UserTests: XCTestCase {
    func testLoginReturnsTokenAndCookie() async throws {
        try await TutoringHarness.run { h in
            let id = try await h.createStaff(name: "admin", phone: "13800138000", role: 1)
            let r = try await h.post("/admin/user/login", json: ["name": " admin ", "password": "secret1"])
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.msg, "成功")
            XCTAssertNil(r.json["field_name"])
            XCTAssertEqual(r.data?["staffID"]?.intValue, id)
            XCTAssertEqual(r.data?["roler"]?.stringValue, "超级管理员")
            XCTAssertEqual(r.data?["rolerCode"]?.intValue, 1)
            let token = try XCTUnwrap(r.data?["token"]?.stringValue)
            XCTAssertEqual(token.count, 64)
            XCTAssertEqual(r.headers[.setCookie], "tutoring_sid=\(token); Path=/; HttpOnly; SameSite=Lax; Max-Age=604800")
            XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8")
            // Only the digest is stored.
            do { let value = try await h.count("tutoring_session", where: "token_hash = '\(SecureToken.sha256Hex(token))'"); XCTAssertEqual(value, 1) }
        }
    }

    /// The settings the app is given decide the cookie's `Secure` attribute, at login and at logout.
    func testSecureCookiesComeFromTheSettings() async throws {
        try await TutoringHarness.run(settings: TutoringSettings(secureCookies: true)) { h in
            try await h.createStaff(name: "admin", phone: "13800138000", role: 1)
            let r = try await h.post("/admin/user/login", json: ["name": "admin", "password": "secret1"])
            let token = try XCTUnwrap(r.data?["token"]?.stringValue)
            XCTAssertEqual(r.headers[.setCookie], "tutoring_sid=\(token); Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=604800")
            let out = try await h.get("/admin/user/logout", token: token)
            XCTAssertEqual(out.headers[.setCookie], "tutoring_sid=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0")
        }
        XCTAssertTrue(TutoringSettings.fromEnvironment(["REGISTRAR_SECURE_COOKIES": "1"]).secureCookies)
        XCTAssertFalse(TutoringSettings.fromEnvironment([:]).secureCookies)
    }

    func testLoginWrongCredentials() async throws {
        try await TutoringHarness.run { h in
            try await h.createStaff(name: "admin", role: 1)
            let wrong = try await h.post("/admin/user/login", json: ["name": "admin", "password": "nope123"])
            XCTAssertEqual(wrong.code, 400)
            XCTAssertEqual(wrong.msg, "用户名或密码错误")
            XCTAssertEqual(wrong.fieldName, "password")
            XCTAssertNil(wrong.json["data"])
            let unknown = try await h.post("/admin/user/login", json: ["name": "ghost", "password": "secret1"])
            XCTAssertEqual(unknown.code, 400)
            XCTAssertEqual(unknown.fieldName, "password")
            let missing = try await h.post("/admin/user/login", json: ["name": "  "])
            XCTAssertEqual(missing.code, 400)
            XCTAssertEqual(missing.msg, "用户名不能为空")
            XCTAssertEqual(missing.fieldName, "name")
            let noPassword = try await h.post("/admin/user/login", json: ["name": "admin"])
            XCTAssertEqual(noPassword.msg, "密码不能为空")
            XCTAssertEqual(noPassword.fieldName, "password")
            let numeric = try await h.post("/admin/user/login", json: ["name": 12, "password": "x"])
            XCTAssertEqual(numeric.msg, "用户名格式不正确")
            let malformed = try await h.send(.post, "/admin/user/login", body: .init(string: "{nope"))
            XCTAssertEqual(malformed.code, 400)
            XCTAssertEqual(malformed.msg, "请求数据格式错误")
            XCTAssertEqual(malformed.fieldName, "")
            do { let value = try await h.count("tutoring_session"); XCTAssertEqual(value, 0) }
        }
    }

    func testLoginByForm() async throws {
        try await TutoringHarness.run { h in
            try await h.createStaff(name: "admin", role: 1)
            let r = try await h.send(
                .post, "/admin/user/login", headers: [.contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "name=admin&password=secret1&name=other"))
            XCTAssertEqual(r.code, 0)
        }
    }

    func testLoginThrottling() async throws {
        try await TutoringHarness.run { h in
            try await h.createStaff(name: "admin", role: 1)
            for _ in 0..<5 {
                let r = try await h.post("/admin/user/login", json: ["name": "admin", "password": "wrong12"])
                XCTAssertEqual(r.code, 400)
            }
            let throttled = try await h.post("/admin/user/login", json: ["name": "admin", "password": "secret1"])
            XCTAssertEqual(throttled.code, 429)
            XCTAssertEqual(throttled.msg, "登录失败次数过多，请15分钟后再试")
            XCTAssertEqual(throttled.fieldName, "name")
            do { let value = try await h.count("tutoring_login_failure"); XCTAssertEqual(value, 5, "refused attempts record nothing") }
            // Failures older than 900 s no longer count; a success clears the name's records.
            try await h.sql.raw("UPDATE tutoring_login_failure SET time = time - 901").run()
            let ok = try await h.post("/admin/user/login", json: ["name": "admin", "password": "secret1"])
            XCTAssertEqual(ok.code, 0)
            do { let value = try await h.count("tutoring_login_failure", where: "name = 'admin'"); XCTAssertEqual(value, 0) }
            // Unknown names are throttled too.
            for _ in 0..<5 { _ = try await h.post("/admin/user/login", json: ["name": "ghost", "password": "wrong12"]) }
            let ghost = try await h.post("/admin/user/login", json: ["name": "ghost", "password": "wrong12"])
            XCTAssertEqual(ghost.code, 429)
        }
    }

    func testAuthenticationRules() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let none = try await h.get("/admin/user/info")
            XCTAssertEqual(none.status, .ok)
            XCTAssertEqual(none.code, 401)
            XCTAssertEqual(none.msg, "请先登录")
            XCTAssertEqual(none.fieldName, "")
            let unknown = try await h.get("/admin/user/info", token: String(repeating: "a", count: 64))
            XCTAssertEqual(unknown.code, 401)

            // Bearer, scheme case-insensitive.
            let bearer = try await h.send(.get, "/admin/user/info", headers: [.authorization: "bEaReR \(me.token)"])
            XCTAssertEqual(bearer.code, 0)
            XCTAssertEqual(bearer.data?["name"]?.stringValue, me.name)
            XCTAssertEqual(bearer.data?["phone"]?.stringValue, me.phone)
            XCTAssertEqual(bearer.data?["roler"]?.stringValue, "销售专员")
            XCTAssertEqual(bearer.data?["rolerCode"]?.intValue, 5)
            XCTAssertNil(bearer.headers[.setCookie], "bearer responses set no cookie")

            // Cookie: the response re-issues it.
            let cookie = try await h.send(.get, "/admin/user/info", headers: [.cookie: "a=b; tutoring_sid=\(me.token)"])
            XCTAssertEqual(cookie.code, 0)
            XCTAssertEqual(cookie.headers[.setCookie], "tutoring_sid=\(me.token); Path=/; HttpOnly; SameSite=Lax; Max-Age=604800")
            // Also on an error envelope after authentication.
            let cookieError = try await h.send(.get, "/admin/student/info", headers: [.cookie: "tutoring_sid=\(me.token)"])
            XCTAssertEqual(cookieError.code, 400)
            XCTAssertNotNil(cookieError.headers[.setCookie])

            // An invalid Bearer decides even with a valid cookie; another scheme is ignored.
            let badBearer = try await h.send(
                .get, "/admin/user/info", headers: [.authorization: "Bearer nope", .cookie: "tutoring_sid=\(me.token)"])
            XCTAssertEqual(badBearer.code, 401)
            let basic = try await h.send(
                .get, "/admin/user/info", headers: [.authorization: "Basic abc", .cookie: "tutoring_sid=\(me.token)"])
            XCTAssertEqual(basic.code, 0)
        }
    }

    func testIdleExpiryAndRefresh() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 1)
            let now = Int(Date().timeIntervalSince1970)
            try await h.sql.raw("UPDATE tutoring_session SET last_seen_time = \(bind: now - 604_000)").run()
            do { let value = try await h.get("/admin/user/info", token: me.token).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.count("tutoring_session", where: "last_seen_time >= \(now)"); XCTAssertEqual(value, 1, "last_seen refreshed") }
            try await h.sql.raw("UPDATE tutoring_session SET last_seen_time = \(bind: now - 604_801)").run()
            let expired = try await h.get("/admin/user/info", token: me.token)
            XCTAssertEqual(expired.code, 401)
            XCTAssertEqual(expired.msg, "登录已过期，请重新登录")
            do { let value = try await h.get("/admin/user/info", token: me.token).code; XCTAssertEqual(value, 401) }
        }
    }

    func testLogoutEndsOnlyThatSession() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 6)
            let other = try await h.login(name: me.name)
            let r = try await h.send(.get, "/admin/user/logout", headers: [.cookie: "tutoring_sid=\(me.token)"])
            XCTAssertEqual(r.code, 0)
            XCTAssertNil(r.json["data"])
            XCTAssertEqual(r.headers[.setCookie], "tutoring_sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
            do { let value = try await h.get("/admin/user/info", token: me.token).code; XCTAssertEqual(value, 401) }
            do { let value = try await h.get("/admin/user/info", token: other).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.get("/admin/user/logout").code; XCTAssertEqual(value, 401) }
        }
    }

    func testUpdateOwnProfile() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 7)
            try await h.createStaff(name: "taken", phone: "13700000001", role: 5)
            let ok = try await h.put("/admin/user/update", token: me.token, json: ["name": " 新名字 ", "phone": "13600000000"])
            XCTAssertEqual(ok.code, 0)
            let info = try await h.get("/admin/user/info", token: me.token)
            XCTAssertEqual(info.data?["name"]?.stringValue, "新名字")
            XCTAssertEqual(info.data?["phone"]?.stringValue, "13600000000")
            do { let value = try await h.put("/admin/user/update", token: me.token, json: [:]).code; XCTAssertEqual(value, 0) }
            // Keeping one's own name is not a conflict.
            do { let value = try await h.put("/admin/user/update", token: me.token, json: ["name": "新名字"]).code; XCTAssertEqual(value, 0) }

            let dupName = try await h.put("/admin/user/update", token: me.token, json: ["name": "taken"])
            XCTAssertEqual(dupName.code, 409)
            XCTAssertEqual(dupName.msg, "用户名已存在")
            XCTAssertEqual(dupName.fieldName, "name")
            let dupPhone = try await h.put("/admin/user/update", token: me.token, json: ["phone": "13700000001"])
            XCTAssertEqual(dupPhone.code, 409)
            XCTAssertEqual(dupPhone.fieldName, "phone")
            let empty = try await h.put("/admin/user/update", token: me.token, json: ["name": ""])
            XCTAssertEqual(empty.code, 400)
            XCTAssertEqual(empty.msg, "用户名不能为空")
            let long = try await h.put("/admin/user/update", token: me.token, json: ["name": String(repeating: "名", count: 31)])
            XCTAssertEqual(long.msg, "用户名长度不能超过30个字符")
            let badPhone = try await h.put("/admin/user/update", token: me.token, json: ["phone": "12345678901"])
            XCTAssertEqual(badPhone.msg, "手机号码格式不正确")
            XCTAssertEqual(badPhone.fieldName, "phone")
            // The new name logs in.
            _ = try await h.login(name: "新名字")
        }
    }

    func testPasswordChange() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 3)
            let other = try await h.login(name: me.name)
            let mismatch = try await h.put(
                "/admin/user/password", token: me.token, json: ["oldpassword": "secret1", "password": "newpass1", "repassword": "newpass2"])
            XCTAssertEqual(mismatch.code, 400)
            XCTAssertEqual(mismatch.msg, "两次输入的密码不一致")
            XCTAssertEqual(mismatch.fieldName, "repassword")
            let weak = try await h.put(
                "/admin/user/password", token: me.token, json: ["oldpassword": "secret1", "password": "new pass", "repassword": "new pass"])
            XCTAssertEqual(weak.msg, "密码长度应为6-30位，且只能包含字母、数字和英文符号")
            XCTAssertEqual(weak.fieldName, "password")
            let wrongOld = try await h.put(
                "/admin/user/password", token: me.token, json: ["oldpassword": "bad", "password": "newpass1", "repassword": "newpass1"])
            XCTAssertEqual(wrongOld.code, 400)
            XCTAssertEqual(wrongOld.msg, "原密码错误")
            XCTAssertEqual(wrongOld.fieldName, "oldpassword")
            do { let value = try await h.count("tutoring_login_failure"); XCTAssertEqual(value, 0) }

            let ok = try await h.put(
                "/admin/user/password", token: me.token, json: ["oldpassword": "secret1", "password": "newpass1", "repassword": "newpass1"])
            XCTAssertEqual(ok.code, 0)
            do { let value = try await h.get("/admin/user/info", token: me.token).code; XCTAssertEqual(value, 0, "current session stays") }
            do { let value = try await h.get("/admin/user/info", token: other).code; XCTAssertEqual(value, 401, "other sessions end") }
            _ = try await h.login(name: me.name, password: "newpass1")
            let old = try await h.post("/admin/user/login", json: ["name": me.name, "password": "secret1"])
            XCTAssertEqual(old.code, 400)
        }
    }

    /// Two sessions change the password from the same old one at once: one wins, the other is told its old
    /// password no longer matches, and the winner's session survives.
    func testConcurrentPasswordChangesOneWins() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let second = try await h.login(name: me.name)
            let tokens = [me.token, second]
            let results = try await withThrowingTaskGroup(of: (String, Int?).self) { group in
                for (i, token) in tokens.enumerated() {
                    group.addTask {
                        let r = try await h.put("/admin/user/password", token: token,
                            json: ["oldpassword": "secret1", "password": "newpass\(i)", "repassword": "newpass\(i)"])
                        return (token, r.code)
                    }
                }
                var results: [(String, Int?)] = []
                for try await result in group { results.append(result) }
                return results
            }
            let winners = results.filter { $0.1 == 0 }
            XCTAssertEqual(winners.count, 1)
            XCTAssertEqual(results.filter { $0.1 == 400 }.count, 1)
            guard let winner = winners.first?.0 else { return }
            do { let value = try await h.get("/admin/user/info", token: winner).code; XCTAssertEqual(value, 0, "the winner stays logged in") }
        }
    }

    /// Logins with the old password racing a password change: none may leave a live session behind, even
    /// one whose bcrypt check started before the change committed.
    func testLoginRacingPasswordChangeLeavesNoOldPasswordSession() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let name = me.name, token = me.token
            // A production-cost hash, so each login's bcrypt check overlaps the change.
            let slowHash = try await Passwords().hash("secret1")
            try await h.sql.raw("UPDATE tutoring_staff SET password_hash = \(bind: slowHash) WHERE id = \(bind: me.id)").run()
            let logins = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    let r = try await h.put("/admin/user/password", token: token,
                        json: ["oldpassword": "secret1", "password": "newpass1", "repassword": "newpass1"])
                    XCTAssertEqual(r.code, 0)
                    return nil
                }
                for i in 0..<20 {
                    group.addTask {
                        try await Task.sleep(nanoseconds: UInt64(i) * 15_000_000)
                        let r = try await h.post("/admin/user/login", json: ["name": name, "password": "secret1"])
                        XCTAssert(r.code == 0 || r.code == 400 || r.code == 429, "\(String(describing: r.code))")
                        return r.data?["token"]?.stringValue
                    }
                }
                var tokens: [String] = []
                for try await token in group { if let token { tokens.append(token) } }
                return tokens
            }
            for token in logins {
                let value = try await h.get("/admin/user/info", token: token).code
                XCTAssertEqual(value, 401, "a session opened with the old password outlived the change")
            }
        }
    }

    func testUnknownRoutesAndTrailingSlash() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 1)
            let unknown = try await h.get("/admin/nothing", token: me.token)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(unknown.code, 404)
            XCTAssertEqual(unknown.msg, "接口不存在")
            let wrongMethod = try await h.send(.post, "/admin/user/info", token: me.token)
            XCTAssertEqual(wrongMethod.status, .notFound)
            XCTAssertEqual(wrongMethod.code, 404)
            do { let value = try await h.get("/admin/user/info/", token: me.token).code; XCTAssertEqual(value, 0) }
        }
    }
}
