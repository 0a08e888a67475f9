import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SummerSchool
import Tutoring
import Foundation
import XCTest

final class HealthTests: XCTestCase {
    func testHealthAnswersOnBothAPIsAfterADatabaseRoundTrip() async throws {
        try await TestDatabase.with(migrations: SummerSchoolApp.migrations + TutoringApp.migrations) { db in
            for router in [SummerSchoolApp(database: db, logger: CoreTestApp.logger).router(),
                           TutoringApp(database: db, logger: CoreTestApp.logger).router()] {
                try await Application(router: router).test(.router) { client in
                    let response = try await client.execute(uri: "/healthz", method: .get)
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertEqual(response.json, .object(["status": .string("ok")]))
                }
            }
        }
    }

    func testHealthIs503WhenTheDatabaseIsGone() async throws {
        let db = try await TestDatabase.make(migrations: [])
        let router = makeAPIRouter(style: .tutoring, database: db, logger: CoreTestApp.logger)
        await db.shutdown()
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(response.json["status"]?.stringValue, "unavailable")
        }
    }

    func testHealthIs503WhenTheDatabaseCannotBeOpened() async throws {
        // A folder is not a database file: every connection attempt fails.
        let db = try RegistrarDatabase(url: .sqliteFile(path: FileManager.default.temporaryDirectory.path))
        let router = makeAPIRouter(style: .summer, database: db, logger: CoreTestApp.logger)
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable)
        }
        await db.shutdown()
    }
}
