import ArgumentParser
import Logging
import SummerSchool
import Tutoring

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create the first administrator of one API (pending migrations are applied first).",
        subcommands: [Summer.self, TutoringAdmin.self])

    struct Summer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summer", abstract: "Create an active ADMIN account of the summer-school platform.")

        @Option(help: "Login name, 6–30 characters.") var username: String
        @Option(help: "Password, 6–30 characters.") var password: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withMigrated(label: "registrar.create-admin") { db in
                let id = try await SummerSchoolApp.createAdmin(username: username, password: password, database: db)
                print("created summer-school ADMIN \(username) (id \(id))")
            }
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
            try await database.withMigrated(label: "registrar.create-admin") { db in
                let id = try await TutoringApp.createAdmin(name: name, phone: phone, password: password, database: db)
                print("created tutoring super administrator \(name), staffID \(id)")
            }
        }
    }
}
