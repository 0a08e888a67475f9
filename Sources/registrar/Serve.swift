import Foundation
import ArgumentParser
import Hummingbird
import Logging
import RegistrarCore
import ServiceLifecycle
import SummerSchool
import Tutoring

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending migrations, then serve both APIs, each on its own port.")

    enum Only: String, ExpressibleByArgument, CaseIterable { case summer, tutoring }

    @Option(help: "Address to bind (env REGISTRAR_HOST).")
    var host: String?
    @Option(help: "Port of the summer-school API; 0 binds a free port (env REGISTRAR_SUMMER_PORT).")
    var summerPort: Int?
    @Option(help: "Port of the tutoring API; 0 binds a free port (env REGISTRAR_TUTORING_PORT).")
    var tutoringPort: Int?
    @Option(help: "Port of the Prometheus metrics listener (GET /metrics); off when unset (env REGISTRAR_METRICS_PORT).")
    var metricsPort: Int?
    @Option(help: "Serve only one of the APIs.")
    var only: Only?
    @OptionGroup var database: DatabaseOptions

    var resolvedHost: String { host ?? Environment.value("REGISTRAR_HOST") ?? "127.0.0.1" }

    func port(_ option: Int?, env: String, default value: Int) throws -> Int {
        if let option { return option }
        guard let text = Environment.value(env) else { return value }
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ValidationError("\(env) must be a port number, got \(text)")
        }
        return port
    }

    func validate() throws {
        for port in [summerPort, tutoringPort, metricsPort].compactMap({ $0 }) where !(0...65535).contains(port) {
            throw ValidationError("ports are 0–65535, got \(port)")
        }
    }

    /// One line per request at `info` (the default); REGISTRAR_LOG_LEVEL=warning keeps only problems.
    static func logLevel(_ environment: [String: String]) -> Logger.Level {
        environment["REGISTRAR_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    }

    func run() async throws {
        let level = Self.logLevel(ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "registrar")
        // Metrics are bootstrapped before the database opens, so its statements are measured from the start.
        let metricsPort = try metricsPort ?? Environment.value("REGISTRAR_METRICS_PORT").map { _ in
            try port(nil, env: "REGISTRAR_METRICS_PORT", default: 0)
        }
        let registry = metricsPort.map { _ in MetricsServer.bootstrap() }
        let db = try await database.openMigrated(logger: logger)
        logger.notice("database ready: \(db.url)")

        var services: [any Service] = []
        if only != .tutoring {
            let router = SummerSchoolApp(database: db, logger: logger).router()
            services.append(APIServer.make(
                name: "summer", router: router, host: resolvedHost,
                port: try port(summerPort, env: "REGISTRAR_SUMMER_PORT", default: 8002), logger: logger))
        }
        if only != .summer {
            let router = TutoringApp(database: db, logger: logger).router()
            services.append(APIServer.make(
                name: "tutoring", router: router, host: resolvedHost,
                port: try port(tutoringPort, env: "REGISTRAR_TUTORING_PORT", default: 8004), logger: logger))
        }
        if let registry, let metricsPort {
            services.append(MetricsServer.make(registry: registry, host: resolvedHost, port: metricsPort, logger: logger))
        }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
        logger.notice("stopped")
    }
}
