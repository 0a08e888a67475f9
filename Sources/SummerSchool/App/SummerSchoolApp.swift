import FluentKit
import Hummingbird
import Logging
import RegistrarCore

/// The summer-school platform API (served on the summer port).
public struct SummerSchoolApp: Sendable {
    public let database: RegistrarDatabase
    public let logger: Logger

    public init(database: RegistrarDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Every table of the summer API, in creation order.
    public static var migrations: [any Migration] { [] }

    public func router() -> Router<RegistrarContext> {
        let router = makeAPIRouter(style: .summer, database: database, logger: logger)
        return router
    }
}
