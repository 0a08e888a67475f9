import Foundation
import SQLKit

extension RegistrarDatabase {
    /// Writes a consistent copy of the SQLite database to `path` while the server keeps running: `VACUUM INTO`
    /// reads one snapshot (a read transaction), so concurrent writes are either wholly in the copy or not at all.
    /// PostgreSQL databases are backed up with the server's own tools (`pg_dump`), not by Registrar.
    public func backup(to path: String) async throws {
        guard isSQLite else {
            throw OperatorError("backup copies SQLite databases; back up PostgreSQL with pg_dump (see README)")
        }
        guard case .sqliteFile = url else { throw OperatorError("an in-memory database has nothing to back up") }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw OperatorError("\(path) exists already; choose a new file name")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }
}
