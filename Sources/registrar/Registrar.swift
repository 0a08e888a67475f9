import ArgumentParser

@main
struct Registrar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrar",
        abstract: "Back office of education businesses: the summer-school platform and the tutoring admin API.",
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, DemoData.self, ImportOriginal.self, Backup.self]
    )
}
