import FluentKit
import Foundation
import Logging
import RegistrarCore
import SQLKit

/// A fresh, migrated database for one test: a temporary SQLite file by default, or the PostgreSQL
/// database named by REGISTRAR_TEST_DATABASE_URL (its `public` schema is emptied first, so tests run
/// one at a time against it, as XCTest does by default).
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["REGISTRAR_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var isPostgres: Bool { postgresURL != nil }

    public static func make(migrations: [any Migration], logLevel: Logger.Level = .warning) async throws -> RegistrarDatabase {
        var logger = Logger(label: "registrar.test.db")
        logger.logLevel = logLevel
        let database: RegistrarDatabase
        if let postgresURL {
            database = try RegistrarDatabase(url: try DatabaseURL(parsing: postgresURL), logger: logger)
            try await database.sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await database.sql.raw("CREATE SCHEMA public").run()
        } else {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("registrar-test-\(UUID().uuidString).sqlite").path
            database = try RegistrarDatabase(url: .sqliteFile(path: path), logger: logger)
        }
        try await database.prepare()
        database.add(migrations: migrations)
        try await database.migrate()
        return database
    }

    /// Runs `body` with a fresh database and shuts it down afterwards (also when `body` throws).
    public static func with<T>(
        migrations: [any Migration], _ body: (RegistrarDatabase) async throws -> T
    ) async throws -> T {
        let database = try await make(migrations: migrations)
        do {
            let result = try await body(database)
            await database.shutdown()
            try? remove(database)
            return result
        } catch {
            await database.shutdown()
            try? remove(database)
            throw error
        }
    }

    private static func remove(_ database: RegistrarDatabase) throws {
        guard case .sqliteFile(let path) = database.url else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
