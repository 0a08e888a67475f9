import ArgumentParser
import Logging

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations of both APIs.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await database.openMigrated(logger: Logger(label: "registrar.migrate"))
        await db.shutdown()
        print("migrations applied: \(db.url)")
    }
}
