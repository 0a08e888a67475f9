import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class PipelineTests: XCTestCase {
    func testUnknownPathIsHTTP404EnvelopeEvenWithoutLogin() async throws {
        try await SummerTestEnv.run { env, client in
            let r = try await client.call(.get, "/nowhere/")
            XCTAssertEqual(r.status, .notFound)
            XCTAssertEqual(r.code, 404)
            XCTAssertEqual(r.msg, "接口不存在")
            XCTAssertEqual(r.data, .object([:]))
            XCTAssertEqual(r.fieldName, "")
        }
    }

    func testLoginCheckComesFirstWithBareBody() async throws {
        try await SummerTestEnv.run { env, client in
            let r = try await client.call(.delete, "/auth/user/score_detail/")
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.json, .object(["code": .int(401), "msg": .string("未登陆")]))
            let bad = try await client.call(.get, "/auth/user/score_detail/", ticket: "TK-nope")
            XCTAssertEqual(bad.json, .object(["code": .int(401), "msg": .string("未登陆")]))
        }
    }

    func testRoleCheckBeforeMethodCheckThen405() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let admin = try await env.account("admin0001", role: .admin)
            // Student on an ADMIN-only path: 403 even for an unlisted method.
            let r1 = try await client.call(.delete, "/auth/user/", ticket: student.ticket)
            XCTAssertEqual(r1.code, 403)
            XCTAssertEqual(r1.msg, "您没有执行该操作的权限。")
            XCTAssertEqual(r1.fieldName, "")
            // Admin: the method check answers.
            let r2 = try await client.call(.delete, "/auth/user/", ticket: admin.ticket)
            XCTAssertEqual(r2.status, .ok)
            XCTAssertEqual(r2.code, 405)
            XCTAssertEqual(r2.msg, "方法 “DELETE” 不被允许。")
            XCTAssertEqual(r2.data, .object([:]))
            // Login route: GET is 405 without any ticket.
            let r3 = try await client.call(.get, "/auth/user/login/")
            XCTAssertEqual(r3.code, 405)
            XCTAssertEqual(r3.msg, "方法 “GET” 不被允许。")
        }
    }

    func testAdminAreaBlocksStudentsBeforeRoleCheck() async throws {
        try await SummerTestEnv.run { env, _ in
            let student = try await env.account("student01", role: .student)
            let market = try await env.account("market001", role: .market)
            let admin = try await env.account("admin0001", role: .admin)
            // A probe route in the admin area, declared like any endpoint.
            let router = env.app.router()
            SummerRoutes(router: router, app: env.app).collection("/admin/probe", access: .admin) { r in
                r.get { _ in Reply.message("ok") }
            }
            try await Application(router: router).test(.router) { client in
                let s = try await client.call(.get, "/admin/probe/", ticket: student.ticket)
                XCTAssertEqual(s.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
                let m = try await client.call(.get, "/admin/probe/", ticket: market.ticket)
                XCTAssertEqual(m.code, 403)
                XCTAssertEqual(m.msg, "您没有执行该操作的权限。")
                let a = try await client.call(.get, "/admin/probe/", ticket: admin.ticket)
                XCTAssertEqual(a.code, 0)
                XCTAssertEqual(a.msg, "ok")
                XCTAssertEqual(a.fieldName, "")
            }
        }
    }

    func testTrailingSlashOptional() async throws {
        try await SummerTestEnv.run { env, client in
            let user = try await env.account("student01", role: .student)
            let a = try await client.call(.get, "/auth/user/score_detail", ticket: user.ticket)
            let b = try await client.call(.get, "/auth/user/score_detail/", ticket: user.ticket)
            XCTAssertEqual(a.code, 0)
            XCTAssertEqual(b.code, 0)
            XCTAssertEqual(a.data, .array([]))
        }
    }

    func testHeadAndPlainOptions() async throws {
        try await SummerTestEnv.run { env, client in
            let user = try await env.account("student01", role: .student)
            let head = try await client.call(.head, "/auth/user/score_detail/", ticket: user.ticket)
            XCTAssertEqual(head.status, .ok)
            XCTAssertEqual(head.body.readableBytes, 0)
            let options = try await client.call(.options, "/auth/user/score_detail/", ticket: user.ticket)
            XCTAssertEqual(options.code, 0)
            XCTAssertEqual(options.data, .object([:]))
        }
    }

    func testUnsupportedMediaTypeAndMalformedJSON() async throws {
        try await SummerTestEnv.run { env, client in
            let user = try await env.account("student01", role: .student)
            let r1 = try await client.execute(
                uri: "/auth/user/score_detail/", method: .post,
                headers: [.contentType: "text/plain", .cookie: "ticket=\(user.ticket)"], body: ByteBuffer(string: "x"))
            XCTAssertEqual(r1.code, 415)
            XCTAssertEqual(r1.msg, "不支持请求中的媒体类型 “text/plain”。")
            let r2 = try await client.execute(
                uri: "/auth/user/score_detail/", method: .post,
                headers: [.contentType: "application/json", .cookie: "ticket=\(user.ticket)"], body: ByteBuffer(string: "{x"))
            XCTAssertEqual(r2.code, 400)
            XCTAssertEqual(r2.msg, "JSON 格式错误")
            let r3 = try await client.execute(
                uri: "/auth/user/score_detail/", method: .post,
                headers: [.contentType: "application/json", .cookie: "ticket=\(user.ticket)"], body: ByteBuffer(string: "[1]"))
            XCTAssertEqual(r3.code, 400)
            XCTAssertEqual(r3.fieldName, "non_field_errors")
            let written = try await env.count("summer_student_score_detail")
            XCTAssertEqual(written, 0)
        }
    }

    func testCORSAllowedOriginOnlyIncludingErrorsAndPreflight() async throws {
        let settings = SummerSettings(corsAllowedOrigins: ["https://app.example.com"])
        try await SummerTestEnv.run(settings: settings) { env, client in
            let pre = try await client.call(
                .options, "/auth/user/login/",
                headers: [.origin: "https://app.example.com", .accessControlRequestMethod: "POST"])
            XCTAssertEqual(pre.status, .ok)
            XCTAssertEqual(pre.body.readableBytes, 0)
            XCTAssertEqual(pre.headers[.accessControlAllowOrigin], "https://app.example.com")
            XCTAssertEqual(pre.headers[.accessControlAllowCredentials], "true")
            XCTAssertEqual(pre.headers[.accessControlMaxAge], "86400")
            XCTAssertEqual(pre.headers[.accessControlAllowHeaders], "Klicen-Agent, Content-Type, X-Requested-With")

            let unauthorised = try await client.call(.get, "/auth/user/score_detail/", headers: [.origin: "https://app.example.com"])
            XCTAssertEqual(unauthorised.code, 401)
            XCTAssertEqual(unauthorised.headers[.accessControlAllowOrigin], "https://app.example.com")
            XCTAssertEqual(unauthorised.headers[.vary], "Origin")

            let notFound = try await client.call(.get, "/nope", headers: [.origin: "https://app.example.com"])
            XCTAssertEqual(notFound.status, .notFound)
            XCTAssertEqual(notFound.headers[.accessControlAllowOrigin], "https://app.example.com")

            let other = try await client.call(.get, "/auth/user/score_detail/", headers: [.origin: "https://evil.example.com"])
            XCTAssertNil(other.headers[.accessControlAllowOrigin])
            let otherPre = try await client.call(
                .options, "/auth/user/login/", headers: [.origin: "https://evil.example.com", .accessControlRequestMethod: "POST"])
            XCTAssertNil(otherPre.headers[.accessControlAllowOrigin])
        }
    }

    func testIndexPageForHTMLGetWhenConfigured() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString).html")
        try Data("<html>front</html>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await SummerTestEnv.run(settings: SummerSettings(indexPageFile: file.path)) { env, client in
            let page = try await client.call(.get, "/some/page", headers: [.accept: "text/html,application/xhtml+xml"])
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.bodyText, "<html>front</html>")
            let root = try await client.call(.get, "/", headers: [.accept: "text/html"])
            XCTAssertEqual(root.bodyText, "<html>front</html>")
            let json = try await client.call(.get, "/some/page", headers: [.accept: "application/json"])
            XCTAssertEqual(json.status, .notFound)
            let post = try await client.call(.post, "/some/page", headers: [.accept: "text/html"])
            XCTAssertEqual(post.status, .notFound)
        }
    }

    func testInvalidPageAndPaginationLinks() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            for i in 0..<11 { try await env.makeUser("student\(i)xx", role: .student) }
            let first = try await client.call(.get, "/auth/user/?zeta=1", ticket: admin.ticket)
            XCTAssertEqual(first.data?["count"]?.intValue, 12)
            XCTAssertEqual(first.data?["results"]?.arrayValue?.count, 10)
            XCTAssertEqual(first.data?["previous"], .null)
            XCTAssertTrue(first.data?["next"]?.stringValue?.hasSuffix("/auth/user/?page=2&zeta=1") == true, "\(String(describing: first.data?["next"]))")
            let last = try await client.call(.get, "/auth/user/?page=last", ticket: admin.ticket)
            XCTAssertEqual(last.data?["results"]?.arrayValue?.count, 2)
            XCTAssertEqual(last.data?["next"], .null)
            for bad in ["0", "3", "-1", "1.0", "", "abc"] {
                let r = try await client.call(.get, "/auth/user/?page=\(bad)", ticket: admin.ticket)
                XCTAssertEqual(r.code, 404, bad)
                XCTAssertEqual(r.msg, "无效页面。", bad)
            }
        }
    }
}
