import FluentKit
import Hummingbird
import Logging
import RegistrarCore

/// The tutoring agency's admin API (served on the tutoring port).
public struct TutoringApp: Sendable {
    public let database: RegistrarDatabase
    public let logger: Logger
    public let settings: TutoringSettings
    public let passwords: Passwords

    public init(
        database: RegistrarDatabase, logger: Logger, settings: TutoringSettings = .fromEnvironment(),
        passwords: Passwords = Passwords()
    ) {
        self.database = database
        self.logger = logger
        self.settings = settings
        self.passwords = passwords
    }

    /// Every table of the tutoring API, in creation order. Append-only: a schema change is a new migration
    /// type added at the end, named for its change; an applied migration is never renamed or edited
    /// (Fluent records each by its type name).
    public static var migrations: [any Migration] {
        [
            CreateTutoringStaff(), CreateTutoringSession(), CreateTutoringStudent(), CreateTutoringFellowup(),
            CreateTutoringTeacher(), CreateTutoringOrders(), CreateTutoringLesson(), CreateTutoringAppointment(),
            CountLiveOrdersAndLessons(), CountLiveStudents(), IndexLiveOrdersAndLessons(),
            IndexTutoringLoginFailureTime(), BucketLiveStudentsAndOrders(),
        ]
    }

    var cookie: SessionCookie { SessionCookie(secure: settings.secureCookies) }

    /// The route modules, in URL order, each holding what its handlers use.
    var modules: [any TutoringRouteModule] {
        [
            UserRoutes(database: database, passwords: passwords, cookie: cookie),
            StaffRoutes(database: database, passwords: passwords),
            RoleRoutes(),
            StudentRoutes(database: database),
            FellowupRoutes(database: database),
            AppointmentRoutes(database: database),
            TeacherRoutes(database: database),
            OrderRoutes(database: database),
            LessonRoutes(database: database),
        ]
    }

    public func router() -> Router<RegistrarContext> {
        let routes = declare()
        let (declared, modules) = (routes.declared, modules)
        OpenAPIRoutes.add(
            to: routes.router, document: { TutoringAPIDocument.make(declared, modules: modules) }, title: TutoringAPIDocument.title)
        return routes.router
    }

    /// The API's OpenAPI document, as `GET /openapi.json` serves it.
    public func openAPIDocument() -> OpenAPIDocument {
        TutoringAPIDocument.make(declaredRoutes(), modules: modules)
    }

    /// Declared routes without an operation in the document, and operations without a route (both empty when
    /// the document is complete).
    public func documentationMismatches() -> (undocumented: [String], unrouted: [String]) {
        TutoringAPIDocument.mismatches(declaredRoutes(), modules: modules)
    }

    /// Every route with its declared access, for checking against the permission matrix (§5).
    public func declaredRoutes() -> [TutoringRoute] {
        declare().declared
    }

    private func declare() -> TutoringRoutes {
        let router = makeAPIRouter(style: .tutoring, database: database, logger: logger)
        let routes = TutoringRoutes(router: router, auth: TutoringAuth(database: database, cookie: cookie))
        for module in modules { module.register(routes) }
        return routes
    }
}
