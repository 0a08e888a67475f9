import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The one database of a Registrar process: a FluentKit pool (SQLite or PostgreSQL) used through SQLKit.
///
/// Queries use SQLKit with plain `Codable` rows; FluentKit provides the driver, the pool,
/// migrations and transactions.
public final class RegistrarDatabase: Sendable {
    public let url: DatabaseURL
    public let logger: Logger
    /// Bounds on PostgreSQL waits (unused on SQLite).
    public let timeouts: DatabaseTimeouts
    private let databases: Databases
    private let migrations: Migrations

    public init(
        url: DatabaseURL, logger: Logger = Logger(label: "registrar.db"), timeouts: DatabaseTimeouts = .standard
    ) throws {
        self.url = url
        self.logger = logger
        self.timeouts = timeouts
        self.databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        self.migrations = Migrations()
        if url.isSQLite, !SQLiteConnectionSettings.installed {
            throw ConfigurationError("cannot configure SQLite connections")
        }
        switch url {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let text):
            var configuration = try SQLPostgresConfiguration(url: text)
            configuration.coreConfiguration.options.connectTimeout = timeouts.connect
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: 8,
                    connectionPoolTimeout: timeouts.poolWait, sqlLogLevel: .trace),
                as: .psql)
        }
    }

    /// A `Database` for FluentKit APIs (migrations, schema builders).
    public var fluent: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// The SQLKit view of the pool, for ordinary queries.
    public var sql: any SQLDatabase { QueryCounter.wrap(DatabaseMetrics.wrap(bounded(fluent))) }

    /// The SQLKit view of `database` (the pool or one connection), each statement under the query
    /// deadline on PostgreSQL (`DeadlineSQLDatabase`); SQLite as it is.
    private func bounded(_ database: any Database) -> any SQLDatabase {
        isSQLite ? database.sql : DeadlineSQLDatabase(base: database, limit: timeouts.query)
    }

    public var isSQLite: Bool { url.isSQLite }

    /// Opens the database for use: WAL mode for SQLite files (a property of the file, kept across opens).
    /// The per-connection settings are applied as each connection opens (`SQLiteConnectionSettings`).
    /// Instances opening a new file at once take turns (`MigrationLock`): switching a file to WAL can
    /// answer "database is locked" at once, without waiting, while another process holds it.
    public func prepare() async throws {
        if case .sqliteFile = url {
            let sql = self.sql
            try await MigrationLock.withLock(url, on: fluent) { try await sql.raw("PRAGMA journal_mode = WAL").run() }
        }
    }

    /// The pool's view from one event loop: each loop has connections of its own (SQLite: one per loop).
    public func sql(on eventLoop: any EventLoop) -> any SQLDatabase {
        QueryCounter.wrap(bounded(databases.database(logger: logger, on: eventLoop)!))
    }

    /// Registers an app's migrations; each app owns its list, all share one migration log.
    public func add(migrations list: [any Migration]) {
        migrations.add(list)
    }

    /// Applies every pending migration.
    /// Applies every pending migration; instances starting at once take turns (`MigrationLock`).
    public func migrate() async throws {
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        try await MigrationLock.withLock(url, on: fluent) {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// One round trip, for health checks.
    public func ping() async throws {
        struct One: Decodable { let one: Int }
        guard let pool = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) else {
            throw ConfigurationError("database is shut down")
        }
        _ = try await bounded(pool).raw("SELECT 1 AS one").first(decoding: One.self)
    }

    /// Runs `work` inside one transaction: everything it writes commits together or not at all.
    ///
    /// SQLite transactions start with `BEGIN IMMEDIATE` so concurrent writers queue on the write
    /// lock up front (with a busy timeout) instead of failing when a read lock must be upgraded.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // FluentKit runs these closures in tasks of its own, so the installed counter is passed along.
        let counter = QueryCounter.current
        if isSQLite {
            return try await DatabaseMetrics.holding { try await fluent.withConnection { connection in
                let db = QueryCounter.wrap(DatabaseMetrics.wrap(connection.sql), counter: counter)
                try await db.raw("PRAGMA busy_timeout = 10000").run()
                try await db.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await work(db)
                    try await db.raw("COMMIT").run()
                    return result
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            } }
        }
        // PostgreSQL: BEGIN and COMMIT run under the query deadline too, on the one leased connection
        // (uncounted, as they were when FluentKit issued them).
        return try await DatabaseMetrics.holding { try await fluent.withConnection { connection in
            let control = self.bounded(connection)
            let db = QueryCounter.wrap(DatabaseMetrics.wrap(control), counter: counter)
            try await control.raw("BEGIN").run()
            do {
                let result = try await work(db)
                try await control.raw("COMMIT").run()
                return result
            } catch {
                try? await control.raw("ROLLBACK").run()
                throw error
            }
        } }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
