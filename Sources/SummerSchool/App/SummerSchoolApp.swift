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

    /// Every table of the summer API, in creation order. Append-only: a schema change is a new migration
    /// type added at the end, named for its change; an applied migration is never renamed or edited
    /// (Fluent records each by its type name).
    public static var migrations: [any Migration] {
        [
            CreateSummerIdentity(), CreateSummerConsultants(), CreateSummerNavigation(), CreateSummerCoupons(),
            CreateSummerMarket(), CreateSummerPaymentAccounts(), CreateSummerCampus(), CreateSummerCatalog(),
            CreateSummerOrders(), CreateSummerOrderFilterIndexes(),
            CreateSummerStudentStatisticsIndexes(), CreateSummerLoginFailure(),
        ]
    }

    public func router() -> Router<RegistrarContext> {
        let routes = declare()
        let declared = routes.declared
        OpenAPIRoutes.add(to: routes.router, document: { SummerAPIDocument.make(declared) }, title: SummerAPIDocument.title)
        return routes.router
    }

    /// Every route with a handler, with its declared access.
    public func declaredRoutes() -> [SummerRoute] {
        declare().declared
    }

    /// The API's OpenAPI document, as `GET /openapi.json` serves it.
    public func openAPIDocument() -> OpenAPIDocument {
        SummerAPIDocument.make(declaredRoutes())
    }

    /// Declared routes without an operation in the document, and operations without a route (both empty when
    /// the document is complete).
    public func documentationMismatches() -> (undocumented: [String], unrouted: [String]) {
        SummerAPIDocument.mismatches(declaredRoutes())
    }

    private func declare() -> SummerRoutes {
        let router = makeAPIRouter(style: .summer, database: database, logger: logger)
        router.add(middleware: SummerFrontMiddleware(settings: settings))
        let routes = SummerRoutes(router: router, app: self)
        for module in Self.modules { module.register(routes) }
        return routes
    }

    /// Every route module of the API, by URL prefix. A new module is one more entry here.
    static let modules: [any SummerRouteModule] = [
        // /auth/user/…
        UserListRoutes(), LoginRoutes(), WeChatSignIn(), ProfileRoutes(), PersonalFileRoutes(),
        CouponListRoutes(), ConsultantRoutes(), ScoreDetailRoutes(),
        // /common/…
        CommonRoutes(),
        // /coupon/…
        CouponRoutes(), UserCouponRoutes(),
        // /market/…
        ChannelRoutes(),
        // /source/…
        CampusRoutes(), ProjectRoutes(), CourseRoutes(), CourseProjectRoutes(), UserCourseRoutes(),
        // /order/…
        CartRoutes(), OrderPaymentRoutes(), OrderRoutes(),
        // /admin/…
        AccountInfoRoutes(), ChildUserRoutes(), SalesManRoutes(),
        AdminCourseRoutes(), AdminOrderRoutes(), AdminProjectRoutes(), ProjectResultRoutes(), StatisticsRoutes(),
        ScoreInfoRoutes(), AdminUserCourseRoutes(), StudentInfoRoutes(),
        // /media/…
        MediaRoutes(),
    ]
}
