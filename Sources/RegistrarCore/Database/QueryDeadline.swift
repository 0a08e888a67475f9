import FluentKit
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import SQLKit

/// A statement on PostgreSQL that did not answer within `DatabaseTimeouts.query`.
public struct QueryDeadlineExceeded: Error, CustomStringConvertible {
    public let limit: TimeAmount
    public var description: String { "database did not answer within \(limit.nanoseconds / 1_000_000) ms" }
}

/// Runs each statement on a leased connection with a deadline (PostgreSQL only).
///
/// postgres-nio has no query timeout, and a connection whose peer stopped answering (a network
/// black hole, a frozen server) would otherwise hold the request and its pool slot forever. When
/// the deadline passes, the statement fails with `QueryDeadlineExceeded` and the connection is
/// closed; the pool drops closed connections and opens fresh ones once the database answers again.
struct DeadlineSQLDatabase: SQLDatabase {
    /// The pool, or one connection (inside a transaction): `withConnection` leases or reuses it.
    let base: any Database
    let limit: TimeAmount

    private var sql: any SQLDatabase { base as! any SQLDatabase }
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let limit = self.limit
        return base.withConnection { connection in
            Self.run(query, onRow, on: connection, limit: limit)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    private static func run(
        _ query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void,
        on connection: any Database, limit: TimeAmount
    ) -> EventLoopFuture<Void> {
        let eventLoop = connection.eventLoop
        let promise = eventLoop.makePromise(of: Void.self)
        let settled = NIOLockedValueBox(false)
        let timer = eventLoop.scheduleTask(in: limit) {
            guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
            connection.logger.error("database statement overran its deadline; closing the connection")
            // Closed before the lease ends, so the pool never hands the silent connection out again.
            let closed = (connection as? any PostgresDatabase)?.withConnection { $0.close() }
                ?? eventLoop.makeSucceededVoidFuture()
            closed.whenComplete { _ in promise.fail(QueryDeadlineExceeded(limit: limit)) }
        }
        (connection as! any SQLDatabase).execute(sql: query, onRow).whenComplete { result in
            timer.cancel()
            guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
            promise.completeWith(result)
        }
        return promise.futureResult
    }
}
