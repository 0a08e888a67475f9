import ArgumentParser
import Logging
import SummerSchool
import Tutoring

struct DemoData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load demonstration data into both APIs (idempotent; pending migrations are applied first).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withMigrated(label: "registrar.demo-data") { db in
            print(try await SummerSchoolApp.loadDemoData(database: db))
            print(try await TutoringApp.loadDemoData(database: db))
        }
    }
}
