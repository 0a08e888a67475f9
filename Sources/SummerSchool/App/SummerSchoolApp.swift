import FluentKit
import Hummingbird
import Logging
import RegistrarCore

/// The summer-school platform API (served on the summer port).
public struct SummerSchoolApp: Sendable {
    public let database: RegistrarDatabase
    public let logger: Logger
    public let settings: SummerSettings
    public let wechat: any WeChatClient
    public let passwords: Passwords

    /// `wechat` defaults to what the settings call for (decision 39): the stub when asked for, the real client
    /// with credentials, else none.
    public init(
        database: RegistrarDatabase, logger: Logger, settings: SummerSettings = .fromEnvironment(),
        wechat: (any WeChatClient)? = nil, passwords: Passwords = Passwords()
    ) {
        self.database = database
        self.logger = logger
        self.settings = settings
        self.wechat = wechat ?? settings.makeWeChatClient(logger: logger)
        self.passwords = passwords
    }

    /// Every table of the summer API, in creation order.
    public static var migrations: [any Migration] {
        [
            CreateSummerIdentity(), CreateSummerConsultants(), CreateSummerNavigation(), CreateSummerCoupons(),
            CreateSummerMarket(), CreateSummerPaymentAccounts(), CreateSummerCampus(), CreateSummerCatalog(),
            CreateSummerOrders(), CreateSummerLoginFailure(),
        ]
    }

    public func router() -> Router<RegistrarContext> {
        let router = makeAPIRouter(style: .summer, database: database, logger: logger)
        router.add(middleware: SummerFrontMiddleware(settings: settings))
        let routes = SummerRoutes(router: router, app: self)
        AuthRoutes.register(routes)
        SettingsAndMediaRoutes.register(routes)
        for module in Self.modules { module.register(routes) }
        return router
    }

    /// The route modules, in URL order.
    static let modules: [any SummerRouteModule] = [
    ]
}
