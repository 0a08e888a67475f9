import CoreMetrics
import Logging
import NIOCore
import SQLKit

/// Statement durations and connections in use, through swift-metrics. Installed only when a metrics backend is
/// (`DatabaseMetrics.isEnabled`), so an unmonitored process pays nothing.
public enum DatabaseMetrics {
    /// Set once at start-up, before the first request, when the process serves metrics.
    nonisolated(unsafe) public static var isEnabled = false

    static let inUse = Meter(label: "registrar_db_connections_in_use")

    static func wrap(_ database: any SQLDatabase) -> any SQLDatabase {
        isEnabled ? MeasuredSQLDatabase(base: database) : database
    }

    /// Runs `body` while it holds a connection of the pool (a transaction), counted in `registrar_db_connections_in_use`.
    static func holding<T>(_ body: () async throws -> T) async rethrows -> T {
        guard isEnabled else { return try await body() }
        inUse.increment()
        defer { inUse.decrement() }
        return try await body()
    }

    static func record(_ started: ContinuousClock.Instant, dialect: String) {
        Timer(label: "registrar_db_query_duration_seconds", dimensions: [("database", dialect)])
            .recordNanoseconds((ContinuousClock.now - started).nanoseconds)
    }
}

private struct MeasuredSQLDatabase: SQLDatabase {
    let base: any SQLDatabase

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let started = ContinuousClock.now
        let name = dialect.name
        return base.execute(sql: query, onRow).always { _ in DatabaseMetrics.record(started, dialect: name) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let started = ContinuousClock.now
        defer { DatabaseMetrics.record(started, dialect: dialect.name) }
        try await base.execute(sql: query, onRow)
    }
}
