import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Sessions of staff accounts edited through `/admin/child_user/` (D3, D6).
final class ChildUserSessionTests: XCTestCase {
    static func ticketCount(_ env: SummerTestEnv, user: Int) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await env.sql.raw("SELECT COUNT(*) AS n FROM summer_ticket WHERE user_id = \(bind: user)")
            .first(decoding: Count.self)!.n
    }

    func testDeactivationEndsSessionsForGoodEvenAfterReactivation() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let second = try await env.ticket(for: market.id)
            let off = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket, json: ["is_active": false])
            XCTAssertEqual(off.code, 0, off.bodyText)
            let remaining = try await Self.ticketCount(env, user: market.id)
            XCTAssertEqual(remaining, 0)
            let on = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket, json: ["is_active": "true"])
            XCTAssertEqual(on.data?["is_active"]?.boolValue, true)
            for ticket in [market.ticket, second] {
                let r = try await client.call(.get, "/market/channel/", ticket: ticket)
                XCTAssertEqual(r.json, .object(["code": .int(401), "msg": .string("未登陆")]))
            }
            // The account itself works again.
            _ = try await env.login(client, "market001")
        }
    }

    func testRefusedChangesKeepSessions() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            // Password and deactivation in one PATCH with a later field failing: nothing is written.
            let bad = try await client.call(.patch, "/admin/child_user/\(market.id)/", ticket: admin.ticket,
                                            json: ["password": "newpass1", "is_active": false, "role": "STUDENT"])
            XCTAssertEqual(bad.code, 400)
            XCTAssertEqual(bad.fieldName, "role")
            XCTAssertEqual(bad.msg, "“STUDENT” 不是合法选项。")
            let short = try await client.call(.put, "/admin/child_user/\(market.id)/update_password/", ticket: admin.ticket,
                                              json: ["password": "12345"])
            XCTAssertEqual(short.msg, "密码必须大于6位")
            let tickets = try await Self.ticketCount(env, user: market.id)
            XCTAssertEqual(tickets, 1)
            let alive = try await client.call(.get, "/market/channel/", ticket: market.ticket)
            XCTAssertEqual(alive.code, 0)
            _ = try await env.login(client, "market001")  // old password still valid
        }
    }

    /// A form PUT follows §11: the omitted `is_active` counts as false, so the account is deactivated and
    /// its sessions end; the password is hashed (D4).
    func testFormPutDeactivatesWhenIsActiveIsOmitted() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let put = try await client.call(.put, "/admin/child_user/\(market.id)/", ticket: admin.ticket,
                                            form: "username=market001&password=formpass1&role=FINANCE&name=")
            XCTAssertEqual(put.code, 0, put.bodyText)
            XCTAssertEqual(put.data?["is_active"]?.boolValue, false)
            XCTAssertEqual(put.data?["name"], .null)
            XCTAssertEqual(put.data?["role"]?["verbose"]?.stringValue, "财务部")
            let tickets = try await Self.ticketCount(env, user: market.id)
            XCTAssertEqual(tickets, 0)
            struct Row: Decodable { let password: String? }
            let stored = try await env.sql.raw("SELECT password FROM summer_user WHERE id = \(bind: market.id)").first(decoding: Row.self)
            XCTAssertNotEqual(stored?.password, "formpass1")
            XCTAssertEqual(stored?.password?.hasPrefix("$2"), true)
        }
    }
}
