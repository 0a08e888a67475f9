import ArgumentParser
import Foundation
import Logging
import RegistrarCore
import SummerSchool
import Tutoring

/// `--database URL`, shared by every subcommand; falls back to REGISTRAR_DATABASE_URL, then the SQLite default.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "sqlite://path, sqlite://:memory: or postgres://user:pass@host:port/db (env REGISTRAR_DATABASE_URL; default \(DatabaseURL.defaultURL))")
    var url: String?

    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        try DatabaseURL(parsing: url ?? environment["REGISTRAR_DATABASE_URL"] ?? DatabaseURL.defaultURL)
    }

    /// Opens the database with both apps' migrations registered, and applies the pending ones.
    func openMigrated(logger: Logger, timeouts: DatabaseTimeouts = .standard) async throws -> RegistrarDatabase {
        let database = try RegistrarDatabase(url: try resolved(), logger: logger, timeouts: timeouts)
        do {
            try await database.prepare()
            database.add(migrations: SummerSchoolApp.migrations)
            database.add(migrations: TutoringApp.migrations)
            try await database.migrate()
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }
}

extension DatabaseOptions {
    /// Runs `body` against the migrated database, then closes it. Operator errors (bad input, taken
    /// names) are printed to stderr and exit non-zero.
    func withMigrated(
        label: String, timeouts: DatabaseTimeouts = .standard, _ body: (RegistrarDatabase) async throws -> Void
    ) async throws {
        var logger = Logger(label: label)
        logger.logLevel = .warning
        let db = try await openMigrated(logger: logger, timeouts: timeouts)
        do {
            try await body(db)
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }
}

extension Environment {
    static func value(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}

enum Environment {}
