import FluentKit
import Foundation
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// Serializes migrations across processes, so several instances starting at once on one database do not
/// create the same tables twice: a PostgreSQL advisory lock held on one connection while the migrator works
/// on others, or an exclusive `flock` on a file beside the SQLite database.
enum MigrationLock {
    /// An arbitrary fixed key naming "Registrar migrations" among the database's advisory locks.
    static let advisoryKey = 7_383_001

    static func withLock<T: Sendable>(_ url: DatabaseURL, on database: any FluentKit.Database, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        switch url {
        case .postgres:
            return try await database.withConnection { connection in
                let sql = connection.sql
                try await sql.raw("SELECT pg_advisory_lock(\(bind: advisoryKey))").run()
                do {
                    let result = try await body()
                    try await sql.raw("SELECT pg_advisory_unlock(\(bind: advisoryKey))").run()
                    return result
                } catch {
                    try? await sql.raw("SELECT pg_advisory_unlock(\(bind: advisoryKey))").run()
                    throw error
                }
            }
        case .sqliteFile(let path):
            let descriptor = open(path + "-migrations.lock", O_CREAT | O_RDWR, 0o644)
            guard descriptor >= 0 else { return try await body() }
            defer { close(descriptor) }  // closing releases the lock
            // flock blocks a thread; another process holds it only for the few seconds migrations take.
            await Task.detached { _ = flock(descriptor, LOCK_EX) }.value
            return try await body()
        case .sqliteMemory:
            return try await body()
        }
    }
}
