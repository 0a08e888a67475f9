import NIOCore

/// Bounds on every wait for PostgreSQL, so that an unreachable or silent database turns requests into
/// the 500 envelope (and `/healthz` into 503) within seconds instead of holding them open.
///
/// SQLite is a local file: none of these apply to it (its lock waits are bounded by `busy_timeout`).
public struct DatabaseTimeouts: Sendable {
    /// Opening a connection: TCP connect plus the start-up and authentication exchange.
    public var connect: TimeAmount
    /// Waiting for a pooled connection when every connection is busy or none can be opened.
    public var poolWait: TimeAmount
    /// One statement's round trip on a leased connection (BEGIN and COMMIT included). A statement that
    /// overruns it fails and its connection is closed, so a connection whose peer went silent is not
    /// reused and does not hold its pool slot.
    public var query: TimeAmount

    public init(connect: TimeAmount, poolWait: TimeAmount, query: TimeAmount) {
        self.connect = connect
        self.poolWait = poolWait
        self.query = query
    }

    /// Production values: generous for the slowest ordinary statement (an import batch of
    /// 1,000 rows), short enough that clients get an answer while the database is away.
    public static let standard = DatabaseTimeouts(connect: .seconds(5), poolWait: .seconds(10), query: .seconds(10))

    /// Operator commands that work on whole tables (`registrar import-original`): one statement may run for minutes.
    public static let bulk = DatabaseTimeouts(connect: .seconds(5), poolWait: .seconds(10), query: .minutes(30))
}
