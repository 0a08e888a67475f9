import ArgumentParser
import Logging
import SummerSchool
import Tutoring

struct DemoData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load demonstration data into both APIs (idempotent; pending migrations are applied first).")

    enum Profile: String, ExpressibleByArgument, CaseIterable { case demo, benchmark }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "demo (both APIs, the default) or benchmark (only the tutoring benchmark data set: 100,000 students, seed 42).")
    var profile: Profile = .demo

    func run() async throws {
        try await database.withMigrated(label: "registrar.demo-data") { db in
            switch profile {
            case .demo:
                print(try await SummerSchoolApp.loadDemoData(database: db))
                print(try await TutoringApp.loadDemoData(database: db))
            case .benchmark:
                print(try await TutoringApp.loadDemoData(database: db, profile: .benchmark))
            }
        }
    }
}
