import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// Counts the SQL statements run while it is installed — how tests prove that a list endpoint runs a bounded
/// number of queries whatever its page size. Nothing is counted (nor wrapped) when no counter is installed.
public final class QueryCounter: Sendable {
    private let box = NIOLockedValueBox(0)

    public init() {}

    public var count: Int { box.withLockedValue { $0 } }

    @TaskLocal static var current: QueryCounter?

    /// Runs `body`, counting the statements it (and the tasks it starts) sends through `RegistrarDatabase`.
    public func counting<T>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self) { try await body() }
    }

    func increment() { box.withLockedValue { $0 += 1 } }

    /// `database`, counted by `counter` (by default the one installed for the current task), if any.
    static func wrap(_ database: any SQLDatabase, counter: QueryCounter? = current) -> any SQLDatabase {
        guard let counter else { return database }
        return CountingSQLDatabase(base: database, counter: counter)
    }
}

private struct CountingSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let counter: QueryCounter

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        counter.increment()
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        counter.increment()
        try await base.execute(sql: query, onRow)
    }
}
