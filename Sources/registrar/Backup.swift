import ArgumentParser
import Logging
import RegistrarCore

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the SQLite database to a new file while the server runs (PostgreSQL: use pg_dump).")

    @Option(help: "The new file to write (must not exist).")
    var to: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withMigrated(label: "registrar.backup") { db in
            try await db.backup(to: to)
        }
        print("backup written: \(to)")
    }
}
