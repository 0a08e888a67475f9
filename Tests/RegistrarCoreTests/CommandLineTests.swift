import ArgumentParser
import Logging
import XCTest

@testable import registrar

final class CommandLineTests: XCTestCase {
    func testServeOptions() throws {
        let command = try Registrar.parseAsRoot(
            ["serve", "--host", "0.0.0.0", "--summer-port", "0", "--tutoring-port", "9004", "--only", "tutoring",
             "--database", "sqlite://:memory:"])
        let serve = try XCTUnwrap(command as? Serve)
        XCTAssertEqual(serve.host, "0.0.0.0")
        XCTAssertEqual(serve.summerPort, 0)
        XCTAssertEqual(serve.tutoringPort, 9004)
        XCTAssertEqual(serve.only, .tutoring)
        XCTAssertEqual(try serve.database.resolved(environment: [:]), .sqliteMemory)
    }

    func testDatabaseFallsBackToEnvironmentThenDefault() throws {
        let serve = try XCTUnwrap(try Registrar.parseAsRoot(["serve"]) as? Serve)
        XCTAssertEqual(
            try serve.database.resolved(environment: ["REGISTRAR_DATABASE_URL": "postgres://u@h/db"]),
            .postgres(url: "postgres://u@h/db"))
        XCTAssertEqual(try serve.database.resolved(environment: [:]), .sqliteFile(path: "data/registrar.sqlite"))
    }

    func testLogLevelComesFromTheEnvironment() {
        XCTAssertEqual(Serve.logLevel([:]), .info)
        XCTAssertEqual(Serve.logLevel(["REGISTRAR_LOG_LEVEL": "WARNING"]), .warning)
        XCTAssertEqual(Serve.logLevel(["REGISTRAR_LOG_LEVEL": "nonsense"]), .info)
    }

    func testBadValuesAreRejected() {
        XCTAssertThrowsError(try Registrar.parseAsRoot(["serve", "--only", "both"]))
        XCTAssertThrowsError(try Registrar.parseAsRoot(["serve", "--summer-port", "70000"]))
        XCTAssertThrowsError(try Registrar.parseAsRoot(["create-admin", "tutoring", "--name", "x"]))
        XCTAssertThrowsError(try Registrar.parseAsRoot(["nonsense"]))
    }

    func testAdminAndDemoCommandsParse() throws {
        let summer = try Registrar.parseAsRoot(["create-admin", "summer", "--username", "admin01", "--password", "secret1"])
        XCTAssertEqual((summer as? CreateAdmin.Summer)?.username, "admin01")
        let tutoring = try Registrar.parseAsRoot(
            ["create-admin", "tutoring", "--name", "王总", "--phone", "13800000000", "--password", "secret1"])
        XCTAssertEqual((tutoring as? CreateAdmin.TutoringAdmin)?.phone, "13800000000")
        XCTAssertTrue(try Registrar.parseAsRoot(["demo-data", "--database", "sqlite://x.sqlite"]) is DemoData)
        let benchmark = try Registrar.parseAsRoot(["demo-data", "--profile", "benchmark", "--only", "summer"]) as? DemoData
        XCTAssertEqual(benchmark?.only, .summer)
        XCTAssertEqual(benchmark?.profile, .benchmark)
        XCTAssertThrowsError(try Registrar.parseAsRoot(["demo-data", "--only", "both"]))
        XCTAssertEqual(benchmark?.scale, 1)
        let scaled = try Registrar.parseAsRoot(["demo-data", "--profile", "benchmark", "--scale", "10"]) as? DemoData
        XCTAssertEqual(scaled?.scale, 10)
        XCTAssertThrowsError(try Registrar.parseAsRoot(["demo-data", "--scale", "10"]))  // the demo profile has no scale
        XCTAssertThrowsError(try Registrar.parseAsRoot(["demo-data", "--profile", "benchmark", "--scale", "0"]))
        XCTAssertTrue(try Registrar.parseAsRoot(["migrate"]) is Migrate)
    }
}
