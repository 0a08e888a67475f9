import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Regressions found by the conformance audit of `/auth/user/...` and the shared pipeline.
final class ConformanceAuditTests: XCTestCase {
    /// DRF's `required` does not depend on PATCH: a required field sent as `""` in a form is validated.
    func testPatchFormBlankRequiredFieldIsAnErrorAndWritesNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            let put = try await client.call(.put, "/auth/user/info/1/", ticket: alice.ticket, json: [
                "name": "张三", "email": "a@b.com", "wechat": "wx1", "wcampus": ["北京校区"], "cschool": "北大", "valid_sales_man": true,
            ])
            XCTAssertEqual(put.code, 0)
            let pf = try await client.call(.put, "/auth/user/info/1/personal_file/", ticket: alice.ticket, json: ["gender": "MALE", "gpa": 3.5])
            XCTAssertEqual(pf.code, 0)

            let blankName = try await client.call(.patch, "/auth/user/info/1/", ticket: alice.ticket, form: "email=x%40y.com&name=")
            XCTAssertEqual(blankName.code, 400)
            XCTAssertEqual(blankName.fieldName, "name")
            XCTAssertEqual(blankName.msg, "该字段不能为空。")
            let blankGPA = try await client.call(.patch, "/auth/user/info/1/personal_file/", ticket: alice.ticket, form: "major=CS&gpa=")
            XCTAssertEqual(blankGPA.code, 400)
            XCTAssertEqual(blankGPA.fieldName, "gpa")
            XCTAssertEqual(blankGPA.msg, "请填写合法的数字。")
            let blankGender = try await client.call(.patch, "/auth/user/info/1/personal_file/", ticket: alice.ticket, form: "gender=")
            XCTAssertEqual(blankGender.fieldName, "gender")
            XCTAssertEqual(blankGender.msg, "“” 不是合法选项。")

            // An optional boolean sent as "" is skipped, as DRF does.
            let blankFlag = try await client.call(.patch, "/auth/user/info/1/", ticket: alice.ticket, form: "wechat=wx2&valid_sales_man=")
            XCTAssertEqual(blankFlag.code, 0)
            XCTAssertEqual(blankFlag.data?["valid_sales_man"]?.boolValue, true)

            struct Row: Decodable { let name: String; let email: String; let major: String?; let gpa: Double? }
            let row = try await env.sql.raw("SELECT name, email, major, gpa FROM summer_student_info WHERE user_id = \(bind: alice.id)")
                .first(decoding: Row.self)!
            XCTAssertEqual(row.name, "张三")
            XCTAssertEqual(row.email, "a@b.com")
            XCTAssertNil(row.major)
            XCTAssertEqual(row.gpa, 3.5)
        }
    }

    /// Conventions §2.1: `{id}` never contains a `.`; such paths match no route (decision 2), login or not.
    func testIDWithDotMatchesNoRoute() async throws {
        try await SummerTestEnv.run { env, client in
            let alice = try await env.account("student01", role: .student)
            for ticket in [alice.ticket, nil] {
                let r = try await client.call(.get, "/auth/user/info/1.json/", ticket: ticket)
                XCTAssertEqual(r.status, .notFound)
                XCTAssertEqual(r.code, 404)
                XCTAssertEqual(r.msg, "接口不存在")
            }
            let ok = try await client.call(.get, "/auth/user/info/1/", ticket: alice.ticket)
            XCTAssertEqual(ok.code, 0)
        }
    }

    /// §12: CORS headers reach every response with an allowed `Origin`, server faults (decision 34) included.
    func testServerFaultIsEnvelopedWithCORSHeaders() async throws {
        try await SummerTestEnv.run(settings: SummerSettings(corsAllowedOrigins: ["https://front.example"])) { env, client in
            let alice = try await env.account("student01", role: .student)
            try await env.sql.raw("ALTER TABLE summer_student_score_detail RENAME COLUMN address TO address_gone").run()
            let r = try await client.call(.get, "/auth/user/score_detail/", ticket: alice.ticket, headers: [.origin: "https://front.example"])
            XCTAssertEqual(r.status, .internalServerError)
            XCTAssertEqual(r.code, 500)
            XCTAssertEqual(r.msg, "服务器内部错误")
            XCTAssertEqual(r.headers[.accessControlAllowOrigin], "https://front.example")
            XCTAssertEqual(r.headers[.accessControlAllowCredentials], "true")
        }
    }

    /// Decision 2: the configured index page is served at `GET /` whatever the `Accept` header says.
    func testIndexPageAtRootWithoutHTMLAccept() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString).html")
        try Data("<html>front</html>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await SummerTestEnv.run(settings: SummerSettings(indexPageFile: file.path)) { _, client in
            let root = try await client.call(.get, "/")
            XCTAssertEqual(root.status, .ok)
            XCTAssertEqual(root.bodyText, "<html>front</html>")
            let other = try await client.call(.get, "/some/page")
            XCTAssertEqual(other.status, .notFound)
        }
    }

    /// Decision 33: WeChat sign-in matches `username = openid` exactly and openids are case-sensitive, so two
    /// openids differing only in case are two students; staff usernames stay unique case-insensitively.
    func testOpenidsDifferingOnlyInCaseAreDistinctStudents() async throws {
        try await SummerTestEnv.run { env, client in
            let first = try await client.call(.get, "/auth/user/check_account/?code=MixedCase1")
            let second = try await client.call(.get, "/auth/user/check_account/?code=mixedcase1")
            XCTAssertEqual(first.code, 0)
            XCTAssertEqual(second.code, 0, second.bodyText)
            XCTAssertNotEqual(first.data?["user_id"]?.intValue, second.data?["user_id"]?.intValue)
            let again = try await client.call(.get, "/auth/user/check_account/?code=MixedCase1")
            XCTAssertEqual(again.data?["user_id"]?.intValue, first.data?["user_id"]?.intValue)
            let students = try await env.count("summer_user")
            XCTAssertEqual(students, 2)

            // Staff: unique whatever the case, at the database level too.
            try await env.makeUser("StaffUser", password: "secret123", role: .market)
            do {
                try await env.makeUser("STAFFUSER", password: "secret123", role: .finance)
                XCTFail("a staff username differing only in case was accepted")
            } catch {
                XCTAssertTrue(RegistrarDatabase.isConstraintViolation(error))
            }
            // Password login stays case-insensitive and prefers an account that has a password (a test
            // student with a password and a WeChat student whose openid differs from it by case).
            try await env.makeUser("Stub_Tester", password: "secret123", role: .student)
            let viaWeChat = try await client.call(.get, "/auth/user/check_account/?code=tester")
            XCTAssertEqual(viaWeChat.code, 0, viaWeChat.bodyText)
            let login = try await client.call(.post, "/auth/user/login/", json: ["username": "stub_tester", "password": "secret123"])
            XCTAssertEqual(login.code, 0, login.bodyText)
            XCTAssertNotEqual(login.data?["user_id"]?.intValue, viaWeChat.data?["user_id"]?.intValue)
            let staffLogin = try await client.call(.post, "/auth/user/login/", json: ["username": "staffuser", "password": "secret123"])
            XCTAssertEqual(staffLogin.code, 0)
            XCTAssertEqual(staffLogin.data?["role"]?.stringValue, "MARKET")
        }
    }
}
