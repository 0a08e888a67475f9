import FluentKit
import Hummingbird
import Logging
import RegistrarCore

/// The tutoring agency's admin API (served on the tutoring port).
public struct TutoringApp: Sendable {
    public let database: RegistrarDatabase
    public let logger: Logger

    public init(database: RegistrarDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Every table of the tutoring API, in creation order.
    public static var migrations: [any Migration] {
        [
            CreateTutoringStaff(), CreateTutoringSession(), CreateTutoringStudent(), CreateTutoringFellowup(),
            CreateTutoringTeacher(), CreateTutoringOrders(), CreateTutoringLesson(), CreateTutoringAppointment(),
            CountLiveOrdersAndLessons(), CountLiveStudents(), IndexLiveOrdersAndLessons(),
            IndexTutoringLoginFailureTime(),
        ]
    }

    /// The shared mechanisms handlers use.
    var auth: TutoringAuth { TutoringAuth(database: database) }

    public func router() -> Router<RegistrarContext> {
        let router = makeAPIRouter(style: .tutoring, database: database, logger: logger)
        UserRoutes(app: self).register(on: router)
        StaffRoutes(app: self).register(on: router)
        StudentRoutes(app: self).register(on: router)
        FellowupRoutes(app: self).register(on: router)
        AppointmentRoutes(app: self).register(on: router)
        addTeacherRoutes(to: router)
        addOrderRoutes(to: router)
        addLessonRoutes(to: router)
        return router
    }
}
