import Foundation
import Hummingbird
import Logging
import RegistrarCore

/// Deployment configuration of the summer API (conventions §17), read from the environment.
public struct SummerSettings: Sendable {
    /// `DOMAIN`: public base URL for file links (decision 27); nil = the request's scheme and host.
    public var publicBaseURL: String?
    /// Folder holding uploaded files, served under `/media/`.
    public var mediaRoot: String
    /// Origins allowed to call the API with credentials (D16); empty = none.
    public var corsAllowedOrigins: [String]
    /// `REGISTRAR_SUMMER_WECHAT_STUB=1`: the offline stub client (tests and demos only; decision 39).
    public var wechatStub: Bool
    /// WeChat credentials; with both (and no stub) the real client is used, with neither WeChat sign-in is off.
    public var wechatAppID: String?
    public var wechatAppSecret: String?
    /// Base URL of WeChat's API (tests point it at a local fake server).
    public var wechatAPIBaseURL: String
    /// The front-end's index page, served for `GET` requests accepting HTML that match no route (decision 2).
    public var indexPageFile: String?

    public init(
        publicBaseURL: String? = nil, mediaRoot: String = SummerSettings.defaultMediaRoot,
        corsAllowedOrigins: [String] = [], wechatStub: Bool = false, wechatAppID: String? = nil, wechatAppSecret: String? = nil,
        wechatAPIBaseURL: String = HTTPWeChatClient.defaultAPIBaseURL, indexPageFile: String? = nil
    ) {
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.mediaRoot = mediaRoot
        self.corsAllowedOrigins = corsAllowedOrigins
        self.wechatStub = wechatStub
        self.wechatAppID = wechatAppID
        self.wechatAppSecret = wechatAppSecret
        self.wechatAPIBaseURL = wechatAPIBaseURL
        self.indexPageFile = indexPageFile
    }

    public static var defaultMediaRoot: String {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("media").path
    }

    /// Variables: `REGISTRAR_SUMMER_DOMAIN`, `REGISTRAR_SUMMER_MEDIA_ROOT`, `REGISTRAR_SUMMER_CORS_ORIGINS`
    /// (comma-separated), `REGISTRAR_SUMMER_WECHAT_STUB` (`1` = stub), `REGISTRAR_SUMMER_WECHAT_APP_ID`, `REGISTRAR_SUMMER_WECHAT_APP_SECRET`,
    /// `REGISTRAR_SUMMER_WECHAT_API_URL`, `REGISTRAR_SUMMER_INDEX_FILE`. Empty values count as unset.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SummerSettings {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return SummerSettings(
            publicBaseURL: value("REGISTRAR_SUMMER_DOMAIN"),
            mediaRoot: value("REGISTRAR_SUMMER_MEDIA_ROOT") ?? defaultMediaRoot,
            corsAllowedOrigins: (value("REGISTRAR_SUMMER_CORS_ORIGINS") ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            wechatStub: value("REGISTRAR_SUMMER_WECHAT_STUB") == "1",
            wechatAppID: value("REGISTRAR_SUMMER_WECHAT_APP_ID"),
            wechatAppSecret: value("REGISTRAR_SUMMER_WECHAT_APP_SECRET"),
            wechatAPIBaseURL: value("REGISTRAR_SUMMER_WECHAT_API_URL") ?? HTTPWeChatClient.defaultAPIBaseURL,
            indexPageFile: value("REGISTRAR_SUMMER_INDEX_FILE"))
    }

    /// The WeChat client (decision 39): the offline stub only when asked for, the real one when an app id
    /// and secret are both configured, else none — sign-in answers 503 and QR codes are stored as `""`,
    /// which is logged here, once, as the server starts. A production server thus never signs anyone in
    /// through the stub by omission.
    public func makeWeChatClient(logger: Logger) -> any WeChatClient {
        if wechatStub { return StubWeChatClient() }
        if let appID = wechatAppID, let secret = wechatAppSecret {
            return HTTPWeChatClient(appID: appID, appSecret: secret, apiBaseURL: wechatAPIBaseURL, logger: logger)
        }
        logger.warning(
            "WeChat sign-in is not configured: set REGISTRAR_SUMMER_WECHAT_APP_ID and REGISTRAR_SUMMER_WECHAT_APP_SECRET (or REGISTRAR_SUMMER_WECHAT_STUB=1 for the offline stub)")
        return UnconfiguredWeChatClient()
    }

    /// Absolute URL of a stored file (decision 27): the public base URL when set, else the request's own.
    public func mediaURL(_ relativePath: String, request: Request) -> String {
        (publicBaseURL ?? PageLinks.baseURL(of: request)) + "/media/" + relativePath
    }

    /// Whether responses may set `Secure` cookies: the public URL or the proxy says HTTPS.
    func isHTTPS(_ request: Request) -> Bool {
        if let base = publicBaseURL, base.lowercased().hasPrefix("https://") { return true }
        return PageLinks.baseURL(of: request).hasPrefix("https://")
    }
}
