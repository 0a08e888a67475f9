import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// The real WeChat client (conventions §16.1–16.2) against an in-process fake WeChat server on loopback.
final class WeChatClientTests: XCTestCase {
    static let appID = "wx_test_app"
    static let secret = "s3cret"

    // MARK: Fake WeChat

    /// What the fake server saw.
    actor Calls {
        var tokenFetches = 0
        var qrTokens: [String] = []
        var expiresIn = 7200
        func fetchedToken() -> Int { tokenFetches += 1; return tokenFetches }
        func usedForQR(_ token: String) { qrTokens.append(token) }
        func setExpiresIn(_ seconds: Int) { expiresIn = seconds }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) throws -> Response {
        // WeChat labels its JSON text/plain.
        Response(status: status, headers: [.contentType: "text/plain"], body: .init(byteBuffer: try JSONBody.encode(value)))
    }

    static func fakeWeChat(_ calls: Calls) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/sns/oauth2/access_token") { request, _ -> Response in
            let q = request.uri.queryParameters
            guard q.get("appid") == appID, q.get("secret") == secret, q.get("grant_type") == "authorization_code",
                  let code = q.get("code")
            else { return try json(.object(["errcode": .int(40125), "errmsg": .string("invalid appsecret")])) }
            switch code {
            case "bad": return try json(.object(["errcode": .int(40029), "errmsg": .string("invalid code")]))
            case "http500": return Response(status: .internalServerError)
            case "garbage": return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "<html>oops</html>")))
            default:
                return try json(.object([
                    "access_token": .string("AT_\(code)"), "expires_in": .int(7200), "refresh_token": .string("RT"),
                    "openid": .string("oOpen_\(code)"), "scope": .string("snsapi_userinfo"),
                ]))
            }
        }
        router.get("/sns/userinfo") { request, _ -> Response in
            let q = request.uri.queryParameters
            guard let token = q.get("access_token"), token.hasPrefix("AT_"), q.get("lang") == "zh_CN", let openid = q.get("openid")
            else { return try json(.object(["errcode": .int(40001), "errmsg": .string("invalid credential")])) }
            if token == "AT_noinfo" { return try json(.object(["errcode": .int(40003), "errmsg": .string("invalid openid")])) }
            var reply: [String: JSONValue] = [
                "openid": .string(openid), "nickname": .string(String(repeating: "微", count: 40)),
                "headimgurl": .string("http://wx.qlogo.cn/mmopen/abc/0"),
            ]
            if token.contains("union") { reply["unionid"] = .string("u_\(openid)") }
            return try json(.object(reply))
        }
        router.get("/cgi-bin/token") { request, _ -> Response in
            let q = request.uri.queryParameters
            guard q.get("grant_type") == "client_credential", q.get("appid") == appID, q.get("secret") == secret else {
                return try json(.object(["errcode": .int(40013), "errmsg": .string("invalid appid")]))
            }
            let n = await calls.fetchedToken()
            return try json(.object(["access_token": .string("SVC_\(n)"), "expires_in": .int(Int64(await calls.expiresIn))]))
        }
        router.post("/cgi-bin/qrcode/create") { request, _ -> Response in
            let token = request.uri.queryParameters.get("access_token") ?? ""
            await calls.usedForQR(token)
            let body = try await request.body.collect(upTo: 1 << 16)
            let sent = try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
            guard case .object(let members) = sent, members["action_name"] == .string("QR_LIMIT_STR_SCENE"),
                  case .object(let info)? = members["action_info"], case .object(let scene)? = info["scene"],
                  case .string(let sceneText)? = scene["scene_str"]
            else { return try json(.object(["errcode": .int(40053), "errmsg": .string("invalid action info")])) }
            if token == "SVC_1" && sceneText == "revoked" {
                return try json(.object(["errcode": .int(42001), "errmsg": .string("access_token expired")]))
            }
            if sceneText == "refused" { return try json(.object(["errcode": .int(45009), "errmsg": .string("api freq out of limit")])) }
            return try json(.object([
                "ticket": .string("gQH+47/\(sceneText)=="), "expire_seconds": .int(0), "url": .string("http://weixin.qq.com/q/\(sceneText)"),
            ]))
        }
        return router
    }

    /// Runs `body` with a fake WeChat server listening on loopback; gives its base URL.
    func withFakeWeChat(_ body: @escaping @Sendable (String, Calls) async throws -> Void) async throws {
        let calls = Calls()
        let app = Application(router: Self.fakeWeChat(calls))
        try await app.test(.live) { client in
            try await body("http://localhost:\(client.port!)", calls)
        }
    }

    /// A settable clock for the token cache.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    static func client(_ base: String, appID: String = appID, clock: Clock = Clock(), timeout: TimeAmount = .seconds(5)) -> HTTPWeChatClient {
        HTTPWeChatClient(
            appID: appID, appSecret: secret, apiBaseURL: base, timeout: timeout,
            logger: Logger(label: "wechat.test"), now: { clock.now })
    }

    // MARK: Client

    func testCodeExchangeAndUserInfo() async throws {
        try await withFakeWeChat { base, _ in
            let client = Self.client(base)
            let session = try await client.exchangeCode("good1")
            XCTAssertEqual(session, WeChatSession(openid: "oOpen_good1", accessToken: "AT_good1"))
            let info = try await client.userInfo(accessToken: "AT_good1", openid: "oOpen_good1")
            XCTAssertEqual(info.nickname, String(repeating: "微", count: 40))
            XCTAssertEqual(info.headimgurl, "http://wx.qlogo.cn/mmopen/abc/0")
            XCTAssertNil(info.unionid)
            let withUnion = try await client.userInfo(accessToken: "AT_union", openid: "oOpen_union")
            XCTAssertEqual(withUnion.unionid, "u_oOpen_union")

            // Refused codes fail; transport problems (HTTP status, non-JSON) throw; an error reply from userinfo throws.
            let refused = try await client.exchangeCode("bad")
            XCTAssertNil(refused)
            let wrongSecret = try await Self.client(base, appID: "other").exchangeCode("good1")
            XCTAssertNil(wrongSecret)
            await XCTAssertThrowsAsync { _ = try await client.exchangeCode("http500") }
            await XCTAssertThrowsAsync { _ = try await client.exchangeCode("garbage") }
            await XCTAssertThrowsAsync { _ = try await client.userInfo(accessToken: "AT_noinfo", openid: "x") }
        }
    }

    func testQRCodeCachesTheServiceTokenUntil60SecondsBeforeExpiry() async throws {
        try await withFakeWeChat { base, calls in
            let clock = Clock()
            let client = Self.client(base, clock: clock)
            let first = await client.permanentQRCode(scene: "channel_id_1")
            XCTAssertEqual(first, "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH%2B47%2Fchannel_id_1%3D%3D")
            _ = await client.permanentQRCode(scene: "channel_id_2")
            clock.advance(7200 - 61)
            _ = await client.permanentQRCode(scene: "channel_id_3")
            var fetches = await calls.tokenFetches
            XCTAssertEqual(fetches, 1, "the token is reused until 60 s before expiry")
            clock.advance(2)  // now 59 s before expiry
            _ = await client.permanentQRCode(scene: "child_user_4")
            fetches = await calls.tokenFetches
            XCTAssertEqual(fetches, 2)
            let used = await calls.qrTokens
            XCTAssertEqual(used, ["SVC_1", "SVC_1", "SVC_1", "SVC_2"])

            // Concurrent callers share one fetch.
            let fresh = Self.client(base)
            try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<5 { group.addTask { await fresh.permanentQRCode(scene: "s\(i)") } }
                for try await url in group { XCTAssertTrue(url.hasPrefix("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=")) }
            }
            fetches = await calls.tokenFetches
            XCTAssertEqual(fetches, 3)
        }
    }

    func testQRCodeFailuresGiveEmptyString() async throws {
        try await withFakeWeChat { base, calls in
            let client = Self.client(base)
            let refused = await client.permanentQRCode(scene: "refused")
            XCTAssertEqual(refused, "")
            // An expired-token reply drops the cached token: the next call fetches a new one.
            let revoked = await client.permanentQRCode(scene: "revoked")
            XCTAssertEqual(revoked, "")
            let next = await client.permanentQRCode(scene: "revoked")
            XCTAssertEqual(next, "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH%2B47%2Frevoked%3D%3D")
            let fetches = await calls.tokenFetches
            XCTAssertEqual(fetches, 2)
            // Token endpoint refusing (wrong app id) → "".
            let wrongApp = await Self.client(base, appID: "other").permanentQRCode(scene: "x")
            XCTAssertEqual(wrongApp, "")
        }
        // Nothing listening: transport errors → "" for QR codes, a thrown error for sign-in calls.
        let closed = Self.client("http://127.0.0.1:1", timeout: .milliseconds(300))
        let qr = await closed.permanentQRCode(scene: "x")
        XCTAssertEqual(qr, "")
        await XCTAssertThrowsAsync { _ = try await closed.exchangeCode("good1") }
    }

    // MARK: Through the API

    /// With an app id and secret configured, sign-in goes through the real client (here: the fake server).
    func testCheckAccountUsesTheConfiguredClient() async throws {
        try await withFakeWeChat { base, _ in
            let settings = SummerSettings(wechatAppID: Self.appID, wechatAppSecret: Self.secret, wechatAPIBaseURL: base)
            XCTAssertTrue(settings.makeWeChatClient(logger: Logger(label: "x")) is HTTPWeChatClient)
            // Decision 39: the stub only when asked for; with neither stub nor credentials, no WeChat at all.
            XCTAssertTrue(SummerSettings(wechatStub: true).makeWeChatClient(logger: Logger(label: "x")) is StubWeChatClient)
            XCTAssertTrue(SummerSettings().makeWeChatClient(logger: Logger(label: "x")) is UnconfiguredWeChatClient)
            XCTAssertTrue(SummerSettings.fromEnvironment(["REGISTRAR_SUMMER_WECHAT_STUB": "1"]).wechatStub)
            XCTAssertFalse(SummerSettings.fromEnvironment([:]).wechatStub)
            try await SummerTestEnv.run(settings: settings, wechat: nil) { env, client in
                let ok = try await client.call(.get, "/auth/user/check_account/?code=union7")
                XCTAssertEqual(ok.code, 0, ok.bodyText)
                struct Row: Decodable { let username: String; let openid: String?; let unionid: String?; let wx_name: String?; let headimgurl: String? }
                let row = try await env.sql.raw("""
                    SELECT u.username, p.openid, p.unionid, p.wx_name, p.headimgurl FROM summer_user u \
                    JOIN summer_student_info p ON p.user_id = u.id
                    """).first(decoding: Row.self)!
                XCTAssertEqual(row.username, "oOpen_union7")
                XCTAssertEqual(row.openid, "oOpen_union7")
                XCTAssertEqual(row.unionid, "u_oOpen_union7")
                XCTAssertEqual(row.wx_name, String(repeating: "微", count: 30))  // cut to 30 (§16.2)
                XCTAssertEqual(row.headimgurl, "http://wx.qlogo.cn/mmopen/abc/0")

                // Refused code, WeChat HTTP error, userinfo error: the WeChat error, nothing written.
                for code in ["bad", "http500", "noinfo"] {
                    let r = try await client.call(.get, "/auth/user/assign_sales_man/?code=\(code)")
                    XCTAssertEqual(r.code, 400, code)
                    XCTAssertEqual(r.fieldName, "", code)
                    XCTAssertEqual(r.msg, "无效的code值, 微信网页认证失败", code)
                    XCTAssertTrue(r.headers[values: .setCookie].isEmpty, code)
                }
                let users = try await env.count("summer_user"), tickets = try await env.count("summer_ticket")
                XCTAssertEqual(users, 1)
                XCTAssertEqual(tickets, 1)
            }
        }
    }
}

func XCTAssertThrowsAsync(
    _ body: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        try await body()
        XCTFail("expected an error", file: file, line: line)
    } catch {}
}
