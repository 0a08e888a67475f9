import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// A WeChat client that, when asked for a QR code, looks from outside the request for the row the scene
/// names: it is visible only once its create has committed, i.e. when no transaction is held across the call.
final class CommitProbeWeChat: WeChatClient, @unchecked Sendable {
    let table: String
    /// What `permanentQRCode` answers: nil = the stub's URL, `""` = a WeChat failure (§16.2).
    let reply: String?
    private let lock = NSLock()
    private var database: RegistrarDatabase?
    private var seen: [(scene: String, committed: Bool)] = []

    init(table: String, reply: String? = nil) {
        self.table = table
        self.reply = reply
    }

    func attach(_ database: RegistrarDatabase) { lock.withLock { self.database = database } }
    var calls: [(scene: String, committed: Bool)] { lock.withLock { seen } }

    func exchangeCode(_ code: String) async throws -> WeChatSession? { nil }
    func userInfo(accessToken: String, openid: String) async throws -> WeChatUserInfo {
        WeChatUserInfo(nickname: nil, headimgurl: nil, unionid: nil)
    }

    func permanentQRCode(scene: String) async -> String {
        let id = Int(scene.split(separator: "_").last ?? "") ?? 0
        let database = lock.withLock { self.database }
        let committed = ((try? await database?.sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first()) ?? nil) != nil
        lock.withLock { seen.append((scene, committed)) }
        return reply ?? "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_\(scene)"
    }

    /// A fresh database and a router whose app uses this client.
    func run(_ body: @escaping @Sendable (SummerTestEnv, any TestClientProtocol) async throws -> Void) async throws {
        try await SummerTestEnv.run { env, _ in
            self.attach(env.database)
            let app = SummerSchoolApp(
                database: env.database, logger: env.app.logger, settings: env.app.settings, wechat: self,
                passwords: Passwords(cost: 4))
            try await Application(router: app.router()).test(.router) { client in try await body(env, client) }
        }
    }
}

/// Channel creation asks WeChat for the QR code outside the write transaction (conventions §16, §8.2).
final class ChannelQRCodeTests: XCTestCase {
    func testQRCodeIsRequestedAfterTheRowIsCommittedAndStored() async throws {
        let wechat = CommitProbeWeChat(table: "summer_market_channel")
        try await wechat.run { env, client in
            let market = try await env.account("market001", role: .market)
            let salesMan = try await ChannelTests.makeSalesMan(env)
            let created = try await client.call(.post, "/market/channel/", ticket: market.ticket, json: ChannelTests.body(salesMan: salesMan))
            XCTAssertEqual(created.code, 0, created.bodyText)
            let url = "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_channel_id_1"
            XCTAssertEqual(created.data?["qr_code"]?.stringValue, url)
            XCTAssertEqual(created.data?["sales_man"]?["name"]?.stringValue, "zhangsan")
            XCTAssertEqual(wechat.calls.map(\.scene), ["channel_id_1"])
            XCTAssertEqual(wechat.calls.map(\.committed), [true], "the row must be committed before WeChat is called")
            struct Row: Decodable { let qr_code: String? }
            let stored = try await env.sql.raw("SELECT qr_code FROM summer_market_channel WHERE id = 1").first(decoding: Row.self)
            XCTAssertEqual(stored?.qr_code, url)
            let detail = try await client.call(.get, "/market/channel/1/", ticket: market.ticket)
            XCTAssertEqual(detail.data, created.data)
        }
    }

    func testWeChatFailureStoresEmptyStringAndTheCreateSucceeds() async throws {
        let wechat = CommitProbeWeChat(table: "summer_market_channel", reply: "")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await ChannelTests.makeSalesMan(env)
            let created = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: ChannelTests.body(salesMan: salesMan))
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data?["qr_code"], .string(""))
            struct Row: Decodable { let qr_code: String? }
            let stored = try await env.sql.raw("SELECT qr_code FROM summer_market_channel WHERE id = 1").first(decoding: Row.self)
            XCTAssertEqual(stored?.qr_code, "")
        }
    }

    func testRefusedCreateWritesNothingAndDoesNotCallWeChat() async throws {
        let wechat = CommitProbeWeChat(table: "summer_market_channel")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await ChannelTests.makeSalesMan(env)
            _ = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: ChannelTests.body(salesMan: salesMan))
            let taken = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: ChannelTests.body(salesMan: salesMan))
            XCTAssertEqual(taken.code, 400)
            XCTAssertEqual(taken.fieldName, "name")
            XCTAssertEqual(taken.msg, "推广名称已存在")
            let missing = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                                json: ChannelTests.body(salesMan: 99, name: "另一期"))
            XCTAssertEqual(missing.fieldName, "sales_man")
            XCTAssertEqual(missing.msg, "无效主键 “99” － 对象不存在。")
            let count = try await env.count("summer_market_channel")
            XCTAssertEqual(count, 1)
            XCTAssertEqual(wechat.calls.map(\.scene), ["channel_id_1"])
        }
    }
    func testConcurrentCreatesEachStoreTheirOwnQRCode() async throws {
        let wechat = CommitProbeWeChat(table: "summer_market_channel")
        try await wechat.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await ChannelTests.makeSalesMan(env)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let r = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                                      json: ChannelTests.body(salesMan: salesMan, name: "渠道\(index)"))
                        return r.code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes, Array(repeating: 0, count: 8))
            struct Row: Decodable { let id: Int; let qr_code: String? }
            let rows = try await env.sql.raw("SELECT id, qr_code FROM summer_market_channel ORDER BY id").all(decoding: Row.self)
            XCTAssertEqual(rows.count, 8)
            for row in rows {
                XCTAssertEqual(row.qr_code, "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_channel_id_\(row.id)")
            }
            XCTAssertEqual(wechat.calls.filter(\.committed).count, 8)
        }
    }
}
