import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Staff-account creation asks WeChat for the QR code outside the write transaction (§9.2.2, §16).
final class ChildUserQRCodeTests: XCTestCase {
    static var body: [String: Any] { ["username": "zhanglala", "password": "secret123", "role": "MARKET", "name": "张啦啦"] }

    func testQRCodeIsRequestedAfterTheRowIsCommittedAndStored() async throws {
        let wechat = CommitProbeWeChat(table: "summer_user")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let created = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: Self.body)
            XCTAssertEqual(created.code, 0, created.bodyText)
            let id = try XCTUnwrap(created.data?["id"]?.intValue)
            let url = "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_child_user_\(id)"
            XCTAssertEqual(created.data?["qr_code"]?.stringValue, url)
            XCTAssertEqual(created.data?["role"], .object(["key": .string("MARKET"), "verbose": .string("市场部")]))
            XCTAssertEqual(wechat.calls.map(\.scene), ["child_user_\(id)"])
            XCTAssertEqual(wechat.calls.map(\.committed), [true], "the row must be committed before WeChat is called")
            let detail = try await client.call(.get, "/admin/child_user/\(id)/", ticket: admin.ticket)
            XCTAssertEqual(detail.data, created.data)
        }
    }

    func testWeChatFailureStoresEmptyStringAndTheAccountWorks() async throws {
        let wechat = CommitProbeWeChat(table: "summer_user", reply: "")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let created = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket, json: Self.body)
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data?["qr_code"], .string(""))
            let detail = try await client.call(.get, "/admin/child_user/\(created.data?["id"]?.intValue ?? 0)/", ticket: admin.ticket)
            XCTAssertEqual(detail.data?["qr_code"], .string(""))
            _ = try await env.login(client, "zhanglala")
        }
    }

    func testRefusedCreateWritesNothingAndDoesNotCallWeChat() async throws {
        let wechat = CommitProbeWeChat(table: "summer_user")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let before = try await env.count("summer_user")
            let taken = try await client.call(.post, "/admin/child_user/", ticket: admin.ticket,
                                              json: Self.body.merging(["username": "ADMIN0001"]) { $1 })
            XCTAssertEqual(taken.code, 400)
            XCTAssertEqual(taken.fieldName, "username")
            XCTAssertEqual(taken.msg, "用户名已存在")
            let after = try await env.count("summer_user")
            XCTAssertEqual(after, before)
            XCTAssertTrue(wechat.calls.isEmpty)
        }
    }
}
