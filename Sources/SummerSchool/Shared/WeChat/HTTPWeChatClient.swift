import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RegistrarCore

/// The real WeChat client (conventions §16.1–16.2), used only when an app id and secret are configured.
/// The API base URL is configurable so tests can point it at a local fake server.
public struct HTTPWeChatClient: WeChatClient {
    public static let defaultAPIBaseURL = "https://api.weixin.qq.com"
    /// Where QR show-URLs point; built from the ticket rather than fetched (§16.1 allows it).
    public static let showQRBaseURL = "https://mp.weixin.qq.com/cgi-bin/showqrcode"

    let appID: String
    let appSecret: String
    let apiBaseURL: String
    let httpClient: HTTPClient
    let timeout: TimeAmount
    let logger: Logger
    let tokens: ServiceTokenCache

    public init(
        appID: String, appSecret: String, apiBaseURL: String = HTTPWeChatClient.defaultAPIBaseURL,
        httpClient: HTTPClient = .shared, timeout: TimeAmount = .seconds(10), logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.appID = appID
        self.appSecret = appSecret
        self.apiBaseURL = apiBaseURL.hasSuffix("/") ? String(apiBaseURL.dropLast()) : apiBaseURL
        self.httpClient = httpClient
        self.timeout = timeout
        self.logger = logger
        self.tokens = ServiceTokenCache(now: now)
    }

    // MARK: WeChatClient

    public func exchangeCode(_ code: String) async throws -> WeChatSession? {
        let reply = try await getJSON("/sns/oauth2/access_token", [
            ("appid", appID), ("secret", appSecret), ("code", code), ("grant_type", "authorization_code"),
        ])
        // Success needs both members; error replies carry `errcode`/`errmsg` instead.
        guard case .string(let token)? = reply["access_token"], case .string(let openid)? = reply["openid"],
              !token.isEmpty, !openid.isEmpty
        else {
            logger.warning("WeChat code exchange refused: \(Self.describeError(reply))")
            return nil
        }
        return WeChatSession(openid: openid, accessToken: token)
    }

    public func userInfo(accessToken: String, openid: String) async throws -> WeChatUserInfo {
        let reply = try await getJSON("/sns/userinfo", [("access_token", accessToken), ("openid", openid), ("lang", "zh_CN")])
        // An error reply is a failed sign-in, not a user without a nickname.
        if let code = Self.errorCode(reply), code != 0 { throw WeChatError.refused(Self.describeError(reply)) }
        return WeChatUserInfo(
            nickname: reply["nickname"]?.stringValue, headimgurl: reply["headimgurl"]?.stringValue,
            unionid: reply["unionid"]?.stringValue)
    }

    public func permanentQRCode(scene: String) async -> String {
        do {
            let token = try await tokens.token { try await self.fetchServiceToken() }
            let body: JSONValue = .object([
                "action_name": .string("QR_LIMIT_STR_SCENE"),
                "action_info": .object(["scene": .object(["scene_str": .string(scene)])]),
            ])
            let reply = try await send(.POST, "/cgi-bin/qrcode/create", [("access_token", token)], body: body)
            if let code = Self.errorCode(reply), code != 0 {
                // A token revoked or expired early: fetch a fresh one next time.
                if [40001, 40014, 42001].contains(code) { await tokens.invalidate(token) }
                logger.warning("WeChat QR creation refused: \(Self.describeError(reply))")
                return ""
            }
            guard case .string(let ticket)? = reply["ticket"], case .string? = reply["url"], !ticket.isEmpty else { return "" }
            return Self.showQRBaseURL + "?ticket=" + Self.percentEncoded(ticket)
        } catch {
            // §16.2: the create that asked for the QR code still succeeds, with `""`.
            logger.warning("WeChat QR creation failed: \(String(reflecting: error))")
            return ""
        }
    }

    // MARK: Service access token

    func fetchServiceToken() async throws -> ServiceTokenCache.Token {
        let reply = try await getJSON("/cgi-bin/token", [("grant_type", "client_credential"), ("appid", appID), ("secret", appSecret)])
        guard case .string(let token)? = reply["access_token"], !token.isEmpty else {
            throw WeChatError.refused(Self.describeError(reply))
        }
        let lifetime = reply["expires_in"]?.intValue ?? 7200
        return ServiceTokenCache.Token(value: token, lifetime: TimeInterval(lifetime))
    }

    // MARK: HTTP

    func getJSON(_ path: String, _ query: [(String, String)]) async throws -> [String: JSONValue] {
        try await send(.GET, path, query, body: nil)
    }

    /// One call; transport failures, non-2xx statuses and non-object replies throw.
    func send(_ method: HTTPMethod, _ path: String, _ query: [(String, String)], body: JSONValue?) async throws -> [String: JSONValue] {
        let queryText = query.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
        var request = HTTPClientRequest(url: apiBaseURL + path + "?" + queryText)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(try JSONBody.encode(body))
        }
        let response = try await httpClient.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code) else { throw WeChatError.status(Int(response.status.code)) }
        // WeChat sometimes labels JSON as text/plain: decode whatever came.
        guard case .object(let members) = try JSONValue.parse(buffer.readableBytesView) else {
            throw WeChatError.notAnObject
        }
        return members
    }

    static func errorCode(_ reply: [String: JSONValue]) -> Int? { reply["errcode"]?.intValue }

    static func describeError(_ reply: [String: JSONValue]) -> String {
        "errcode=\(errorCode(reply).map(String.init) ?? "-") errmsg=\(reply["errmsg"]?.stringValue ?? "-")"
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension JSONValue {
    /// A reply member as text; nil when absent, null or not a string.
    fileprivate var stringValue: String? { if case .string(let text) = self { return text } else { return nil } }
    /// A reply member as an integer (WeChat sends numbers; numeric strings are tolerated).
    fileprivate var intValue: Int? {
        switch self {
        case .int(let value): return Int(exactly: value)
        case .double(let value): return value.isFinite && value == value.rounded() ? Int(value) : nil
        case .string(let text): return Int(text)
        default: return nil
        }
    }
}

/// Why a WeChat call failed (logged; the endpoints map every failure as §16.2 says).
public enum WeChatError: Error, Sendable {
    case status(Int)
    case notAnObject
    case refused(String)
}

/// The service access token, shared by concurrent callers and reused until 60 s before it expires (§16.1).
actor ServiceTokenCache {
    struct Token: Sendable {
        let value: String
        let lifetime: TimeInterval
    }

    static let margin: TimeInterval = 60

    private let now: @Sendable () -> Date
    private var cached: (value: String, refreshAt: Date)?
    private var inFlight: Task<Token, any Error>?

    init(now: @escaping @Sendable () -> Date) { self.now = now }

    func token(fetch: @escaping @Sendable () async throws -> Token) async throws -> String {
        if let cached, now() < cached.refreshAt { return cached.value }
        // One fetch at a time: callers arriving meanwhile wait for it.
        let task = inFlight ?? Task { try await fetch() }
        inFlight = task
        let requestedAt = now()
        defer { if inFlight == task { inFlight = nil } }
        let token = try await task.value
        cached = (token.value, requestedAt.addingTimeInterval(token.lifetime - Self.margin))
        return token.value
    }

    /// Forgets `value` if it is still the cached token.
    func invalidate(_ value: String) {
        if cached?.value == value { cached = nil }
    }
}
