import ArgumentParser
import Foundation
import RegistrarCore
import SummerSchool

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ImportOriginal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-original",
        abstract: "Import the original summer-school platform's `manage.py dumpdata` export into a fresh database (pending migrations are applied first).")

    @Argument(help: "The export file (JSON array of {model, pk, fields}); - reads standard input.")
    var file: String
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Check everything and print the report without writing.")
    var dryRun = false
    @Option(help: "The original's media folder: referenced image files are copied into the media root (REGISTRAR_SUMMER_MEDIA_ROOT).")
    var mediaFrom: String?

    func run() async throws {
        let source = try DumpSource.path(file)
        let onTerminal = isatty(STDOUT_FILENO) == 1
        let options = OriginalImport.Options(
            dryRun: dryRun, mediaFrom: mediaFrom, mediaRoot: SummerSettings.fromEnvironment().mediaRoot,
            progress: onTerminal ? Self.showProgress : nil)
        // One long transaction whose checks scan whole tables: statements may take minutes, not the 10 s of a request.
        try await database.withMigrated(label: "registrar.import-original", timeouts: .bulk) { db in
            do {
                let report = try await OriginalImport.run(source: source, database: db, options: options)
                if onTerminal { print("\r\u{1B}[K", terminator: "") }
                print(report.text)
            } catch let failure as ImportFailure {
                if onTerminal { print("\r\u{1B}[K", terminator: "") }
                throw OperatorError("import refused, nothing was written: \(failure.description)")
            }
        }
    }

    /// One line, rewritten in place while the import runs.
    @Sendable static func showProgress(_ records: Int, _ model: String) {
        print("\r\u{1B}[K\(records) records read (\(model))…", terminator: "")
        fflush(nil)  // every stream: the line has no newline to flush it
    }
}
