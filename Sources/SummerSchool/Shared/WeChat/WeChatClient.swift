import RegistrarCore

/// The WeChat calls of the summer API (conventions §16.2), behind a replaceable interface.
public protocol WeChatClient: Sendable {
    /// OAuth code → web session; nil when WeChat refuses the code. Transport failures throw.
    func exchangeCode(_ code: String) async throws -> WeChatSession?
    /// The signed-in user's public profile.
    func userInfo(accessToken: String, openid: String) async throws -> WeChatUserInfo
    /// A permanent QR code's show-URL for `scene`, or `""` on any failure.
    func permanentQRCode(scene: String) async -> String
}

public struct WeChatSession: Sendable, Equatable {
    public var openid: String
    public var accessToken: String
    public init(openid: String, accessToken: String) {
        self.openid = openid
        self.accessToken = accessToken
    }
}

public struct WeChatUserInfo: Sendable, Equatable {
    public var nickname: String?
    public var headimgurl: String?
    public var unionid: String?
    public init(nickname: String?, headimgurl: String?, unionid: String?) {
        self.nickname = nickname
        self.headimgurl = headimgurl
        self.unionid = unionid
    }
}

/// The offline client of conventions §16.3: used only when `REGISTRAR_SUMMER_WECHAT_STUB=1` (decision 39),
/// in tests and demos.
public struct StubWeChatClient: WeChatClient {
    public init() {}

    public func exchangeCode(_ code: String) async throws -> WeChatSession? {
        if code.hasPrefix("invalid") { return nil }
        return WeChatSession(openid: String(("stub_" + code).prefix(50)), accessToken: "stub_token_" + code)
    }

    public func userInfo(accessToken: String, openid: String) async throws -> WeChatUserInfo {
        WeChatUserInfo(nickname: String(openid.prefix(30)), headimgurl: nil, unionid: nil)
    }

    public func permanentQRCode(scene: String) async -> String {
        "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_\(scene)"
    }
}

/// No WeChat at all (decision 39: neither the stub nor credentials configured): sign-in answers code 503
/// `微信登录未配置`, QR codes are `""` as on a WeChat failure.
public struct UnconfiguredWeChatClient: WeChatClient {
    public static let notConfigured = AppError(code: 503, msg: "微信登录未配置")

    public init() {}

    public func exchangeCode(_ code: String) async throws -> WeChatSession? { throw Self.notConfigured }

    public func userInfo(accessToken: String, openid: String) async throws -> WeChatUserInfo { throw Self.notConfigured }

    public func permanentQRCode(scene: String) async -> String { "" }
}
