import ArgumentParser
import Logging

struct DemoData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data", abstract: "Load demonstration data into both APIs (idempotent).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        throw CommandFailure("demo-data is not available yet")
    }
}
