import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

final class ChildUserTests: XCTestCase {
    static func body(_ username: String = "zhanglala", role: Any = "MARKET") -> [String: Any] {
        ["name": "张啦啦", "username": username, "password": "  secret99  ", "role": role]
    }

    func testCreateHashesPasswordAndStoresQRCode() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let r = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: Self.body().merging(["qr_code": "x"]) { $1 })
            XCTAssertEqual(r.code, 0, r.bodyText)
            let id = try XCTUnwrap(r.data?["id"]?.intValue)
            XCTAssertEqual(r.data, .object([
                "id": .int(Int64(id)), "name": .string("张啦啦"), "username": .string("zhanglala"), "is_active": .bool(true),
                "qr_code": .string("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_child_user_\(id)"),
                "role": .object(["key": .string("MARKET"), "verbose": .string("市场部")]),
            ]))
            struct Row: Decodable { let password: String }
            let stored = try await env.sql.raw("SELECT password FROM summer_user WHERE id = \(bind: id)").first(decoding: Row.self)
            XCTAssertTrue(stored?.password.hasPrefix("$2") == true)
            let ok = try await Passwords().verify("secret99", against: stored?.password)  // trimmed
            XCTAssertTrue(ok)
            // The new account can log in.
            let ticket = try await env.login(client, "zhanglala", "secret99")
            XCTAssertTrue(ticket.hasPrefix("TK-"))
        }
    }

    func testListAndDetailExcludeStudents() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            _ = try await env.makeUser("finance01", role: .finance)
            let list = try await client.call(.get, "/admin/child_user/", ticket: admin.ticket)
            XCTAssertEqual(list.data?["count"]?.intValue, 2)
            XCTAssertEqual(list.data?["results"]?.arrayValue?.map { $0["username"]?.stringValue }, ["admin0001", "finance01"])
            XCTAssertEqual(list.data?["results"]?[0]?["qr_code"], .null)
            XCTAssertEqual(list.data?["results"]?[0]?["name"], .null)
            for path in ["/admin/child_user/\(student)/", "/admin/child_user/999/"] {
                let r = try await client.call(.get, path, ticket: admin.ticket)
                XCTAssertEqual(r.code, 404, path)
            }
            let put = try await client.call(.put, "/admin/child_user/\(student)/update_password/", ticket: admin.ticket, json: ["password": "abcdefg"])
            XCTAssertEqual(put.code, 404)
            let delete = try await client.call(.delete, "/admin/child_user/\(admin.id)/", ticket: admin.ticket)
            XCTAssertEqual(delete.code, 405)
        }
    }

    func testFieldRules() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            _ = try await env.makeUser("TakenName")
            let cases: [([String: Any], String, String)] = [
                (Self.body("takenname"), "username", "用户名已存在"),  // case-insensitive (decision 7)
                (Self.body("short"), "username", "请确保这个字段至少包含 6 个字符。"),
                (Self.body(String(repeating: "u", count: 31)), "username", "请确保这个字段不能超过 30 个字符。"),
                (Self.body(role: "STUDENT"), "role", "“STUDENT” 不是合法选项。"),
                (Self.body(role: ["key": "STUDENT"]), "role", "“STUDENT” 不是合法选项。"),
                (Self.body(role: "BOSS"), "role", "“BOSS” 不是合法选项。"),
                (Self.body().merging(["password": "12345"]) { $1 }, "password", "请确保这个字段至少包含 6 个字符。"),
                (Self.body().merging(["password": String(repeating: "p", count: 31)]) { $1 }, "password", "请确保这个字段不能超过 30 个字符。"),
                (Self.body().merging(["name": ""]) { $1 }, "name", "该字段不能为空。"),
                (Self.body().merging(["is_active": NSNull()]) { $1 }, "is_active", "该字段不能为 null。"),
                // name is validated before password, password before username
                (Self.body("short").merging(["password": "1"]) { $1 }, "password", "请确保这个字段至少包含 6 个字符。"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            for missing in ["password", "username", "role"] {
                var body = Self.body()
                body[missing] = nil
                let r = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.fieldName, missing)
                XCTAssertEqual(r.msg, "该字段是必填项。")
            }
            let count = try await env.count("summer_user")
            XCTAssertEqual(count, 2)
        }
    }

    func testUpdateHashesPasswordRevokesOtherTicketsAndDeactivates() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let patch = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket,
                                              json: ["password": "newpass1", "name": NSNull(), "role": ["key": "PRODUCT"]])
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["role"]?["key"]?.stringValue, "PRODUCT")
            XCTAssertEqual(patch.data?["name"], .null)
            // D4: hashed; D6: the target's old session ended.
            _ = try await env.login(client, "market001", "newpass1")
            let old = try await client.call(.get, "/market/channel/", ticket: market.ticket)
            XCTAssertEqual(old.code, 401)
            // The admin's own session survives a change of its own password.
            let own = try await client.call(.patch, "/admin/child_user/\(admin.id)/", ticket: admin.ticket, json: ["password": "adminpass"])
            XCTAssertEqual(own.code, 0)
            let still = try await client.call(.get, "/admin/child_user/", ticket: admin.ticket)
            XCTAssertEqual(still.code, 0)

            // D3: deactivation ends sessions at once.
            let fresh = try await env.ticket(for: market.id)
            let off = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket, json: ["is_active": false])
            XCTAssertEqual(off.data?["is_active"]?.boolValue, false)
            let blocked = try await client.call(.get, "/market/channel/", ticket: fresh)
            XCTAssertEqual(blocked.code, 401)

            // PUT requires password, username and role; keeping its own username is fine.
            let put = try await client.call(.put, "/admin/child_user/\(market.id)/", ticket: admin.ticket, json: ["username": "market001", "role": "MARKET"])
            XCTAssertEqual(put.fieldName, "password")
            let full = try await client.call(.put, "/admin/child_user/\(market.id)/", ticket: admin.ticket,
                                             json: ["username": "MARKET001", "role": "MARKET", "password": "another1"])
            XCTAssertEqual(full.code, 0, full.bodyText)
            XCTAssertEqual(full.data?["username"]?.stringValue, "MARKET001")
            XCTAssertEqual(full.data?["is_active"]?.boolValue, false)  // JSON: omitted = unchanged
            let clash = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket, json: ["username": "ADMIN0001"])
            XCTAssertEqual(clash.msg, "用户名已存在")
        }
    }

    func testUpdatePassword() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let other = try await env.ticket(for: admin.id)
            let market = try await env.account("market001", role: .market)
            let path = "/admin/child_user/\(market.id)/update_password/"
            let cases: [(Any?, String)] = [
                (nil, "请传入正确的password"), (NSNull(), "请传入正确的password"), (123456, "请传入正确的password"),
                ("    ", "请传入正确的password"), ("12345", "密码必须大于6位"),
                (String(repeating: "x", count: 31), "请确保这个字段不能超过 30 个字符。"),
            ]
            for (value, message) in cases {
                var body: [String: Any] = [:]
                if let value { body["password"] = value }
                let r = try await client.call(.put, path, ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(String(describing: value))")
                XCTAssertEqual(r.fieldName, "")
                XCTAssertEqual(r.msg, message)
            }
            let ok = try await client.call(.put, path, ticket: admin.ticket, json: ["password": " changed1 "])
            XCTAssertEqual(ok.code, 0)
            XCTAssertEqual(ok.msg, "密码修改成功")
            XCTAssertEqual(ok.data, .object([:]))
            _ = try await env.login(client, "market001", "changed1")
            let old = try await client.call(.get, "/market/channel/", ticket: market.ticket)
            XCTAssertEqual(old.code, 401)

            // Own password: the calling session stays, the other one ends.
            let own = try await client.call(.put, "/admin/child_user/\(admin.id)/update_password/", ticket: admin.ticket, json: ["password": "mine1234"])
            XCTAssertEqual(own.code, 0)
            let current = try await client.call(.get, "/admin/child_user/", ticket: admin.ticket)
            XCTAssertEqual(current.code, 0)
            let ended = try await client.call(.get, "/admin/child_user/", ticket: other)
            XCTAssertEqual(ended.code, 401)

            let post = try await client.call(.post, path, ticket: admin.ticket, json: ["password": "abcdefg"])
            XCTAssertEqual(post.code, 405)
        }
    }

    func testRoles() async throws {
        try await SummerTestEnv.run { env, client in
            let product = try await env.account("product01", role: .product)
            let student = try await env.account("student01", role: .student)
            let r = try await client.call(.post, "/admin/child_user/", ticket: product.ticket, json: Self.body())
            XCTAssertEqual(r.code, 403)
            XCTAssertEqual(r.msg, "您没有执行该操作的权限。")
            let s = try await client.call(.get, "/admin/child_user/", ticket: student.ticket)
            XCTAssertEqual(s.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let count = try await env.count("summer_user")
            XCTAssertEqual(count, 2)
        }
    }

    func testConcurrentCreatesWithOneUsernameInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<5 {
                    group.addTask {
                        let name = index % 2 == 0 ? "samename" : "SAMENAME"
                        return try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: Self.body(name)).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 4)
        }
    }
}
