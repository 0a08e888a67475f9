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
    /// WeChat credentials; without both, the stub client is used (conventions §16.3).
    public var wechatAppID: String?
    public var wechatAppSecret: String?
    /// Base URL of WeChat's API (tests point it at a local fake server).
    public var wechatAPIBaseURL: String
    /// The front-end's index page, served for `GET` requests accepting HTML that match no route (decision 2).
    public var indexPageFile: String?

    public init(
        publicBaseURL: String? = nil, mediaRoot: String = SummerSettings.defaultMediaRoot,
        corsAllowedOrigins: [String] = [], wechatAppID: String? = nil, wechatAppSecret: String? = nil,
        wechatAPIBaseURL: String = HTTPWeChatClient.defaultAPIBaseURL, indexPageFile: String? = nil
    ) {
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.mediaRoot = mediaRoot
        self.corsAllowedOrigins = corsAllowedOrigins
        self.wechatAppID = wechatAppID
        self.wechatAppSecret = wechatAppSecret
        self.wechatAPIBaseURL = wechatAPIBaseURL
        self.indexPageFile = indexPageFile
    }

    public static var defaultMediaRoot: String {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("media").path
    }

    /// Variables: `REGISTRAR_SUMMER_DOMAIN`, `REGISTRAR_SUMMER_MEDIA_ROOT`, `REGISTRAR_SUMMER_CORS_ORIGINS`
    /// (comma-separated), `REGISTRAR_SUMMER_WECHAT_APP_ID`, `REGISTRAR_SUMMER_WECHAT_APP_SECRET`,
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
            wechatAppID: value("REGISTRAR_SUMMER_WECHAT_APP_ID"),
            wechatAppSecret: value("REGISTRAR_SUMMER_WECHAT_APP_SECRET"),
            wechatAPIBaseURL: value("REGISTRAR_SUMMER_WECHAT_API_URL") ?? HTTPWeChatClient.defaultAPIBaseURL,
            indexPageFile: value("REGISTRAR_SUMMER_INDEX_FILE"))
    }

    /// The WeChat client: the real one when an app id and secret are both configured, else the offline stub
    /// (conventions §16.3), so the server never needs the network unless told to use WeChat.
    public func makeWeChatClient(logger: Logger) -> any WeChatClient {
        guard let appID = wechatAppID, let secret = wechatAppSecret else { return StubWeChatClient() }
        return HTTPWeChatClient(appID: appID, appSecret: secret, apiBaseURL: wechatAPIBaseURL, logger: logger)
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
