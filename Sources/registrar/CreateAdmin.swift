import ArgumentParser
import Logging

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create the first administrator of one API.",
        subcommands: [Summer.self, TutoringAdmin.self])

    struct Summer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summer", abstract: "Create an active ADMIN account of the summer-school platform.")

        @Option(help: "Login name, 6–30 characters.") var username: String
        @Option(help: "Password, 6–30 characters.") var password: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            throw CommandFailure("create-admin summer is not available yet")
        }
    }

    struct TutoringAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tutoring", abstract: "Create a super administrator (role 1) of the tutoring API.")

        @Option(help: "Staff name, 1–30 characters.") var name: String
        @Option(help: "Mobile phone number.") var phone: String
        @Option(help: "Password, 6–30 printable ASCII characters.") var password: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            throw CommandFailure("create-admin tutoring is not available yet")
        }
    }
}
