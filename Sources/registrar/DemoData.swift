import ArgumentParser
import Logging
import SummerSchool
import Tutoring

struct DemoData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load demonstration data into both APIs (idempotent; pending migrations are applied first).")

    enum Profile: String, ExpressibleByArgument, CaseIterable { case demo, benchmark }
    enum API: String, ExpressibleByArgument, CaseIterable { case summer, tutoring }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "demo (the default) or benchmark (the benchmark data sets: summer 2,000 students and 200 projects, seed 42; tutoring 100,000 students, seed 42).")
    var profile: Profile = .demo
    @Option(help: "Load only this API's data (summer or tutoring); both by default.")
    var only: API?
    @Option(help: "With --profile benchmark: multiply the data set by this factor (tutoring: students and orders, e.g. 10 for 1,000,000 students; summer: every table).")
    var scale: Int = 1

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be at least 1") }
        guard scale == 1 || profile == .benchmark else { throw ValidationError("--scale applies to --profile benchmark only") }
    }

    func run() async throws {
        try await database.withMigrated(label: "registrar.demo-data") { db in
            switch profile {
            case .demo:
                if only != .tutoring { print(try await SummerSchoolApp.loadDemoData(database: db, profile: .demo)) }
                if only != .summer { print(try await TutoringApp.loadDemoData(database: db)) }
            case .benchmark:
                if only != .tutoring { print(try await SummerSchoolApp.loadBenchmarkData(database: db, scale: scale)) }
                var tutoring = DemoProfile.benchmark
                tutoring.students *= scale
                tutoring.orders *= scale
                if only != .summer { print(try await TutoringApp.loadDemoData(database: db, profile: tutoring)) }
            }
        }
    }
}
