import FluentKit
import Foundation
import Logging
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

@testable import SummerSchool
@testable import Tutoring
@testable import registrar

/// Migrations are append-only: a database made by the previous release upgrades to the current lists
/// through `registrar migrate` and keeps its rows.
final class MigrationUpgradeTests: XCTestCase {
    /// The previous release's migration lists, frozen: Fluent has recorded these type names in existing
    /// databases, so none of them is ever renamed or changed. Add the current lists here at each release.
    static var previousRelease: [any Migration] {
        [
            CreateSummerIdentity(), CreateSummerConsultants(), CreateSummerNavigation(), CreateSummerCoupons(),
            CreateSummerMarket(), CreateSummerPaymentAccounts(), CreateSummerCampus(),
            CreateTutoringStaff(), CreateTutoringSession(), CreateTutoringStudent(), CreateTutoringFellowup(),
            CreateTutoringTeacher(), CreateTutoringOrders(), CreateTutoringLesson(), CreateTutoringAppointment(),
            CountLiveOrdersAndLessons(), CountLiveStudents(), IndexLiveOrdersAndLessons(),
        ]
    }

    func testCurrentListsExtendThePreviousRelease() {
        let current = (SummerSchoolApp.migrations + TutoringApp.migrations).map(\.name)
        for name in Self.previousRelease.map(\.name) {
            XCTAssertTrue(current.contains(name), "\(name) was renamed or removed")
        }
        let summer = SummerSchoolApp.migrations.map(\.name)
        let tutoring = TutoringApp.migrations.map(\.name)
        // Each app's list starts with its previous list, in order: new migrations are appended.
        let previous = Self.previousRelease.map(\.name)
        XCTAssertEqual(Array(summer.prefix(7)), Array(previous.prefix(7)))
        XCTAssertEqual(Array(tutoring.prefix(11)), Array(previous.suffix(11)))
    }

    func testPreviousReleaseDatabaseUpgradesWithItsRows() async throws {
        let old = try await TestDatabase.make(migrations: Self.previousRelease)
        let summerID = try await SummerSchoolApp.createAdmin(username: "upgrade01", password: "secret1", database: old)
        let staffID = try await TutoringApp.createAdmin(name: "升级管理员", phone: "13800000001", password: "secret1", database: old)
        let url = old.url
        await old.shutdown()

        let text: String
        switch url {
        case .postgres(let full): text = full
        default: text = url.description
        }
        let migrate = try XCTUnwrap(try Registrar.parseAsRoot(["migrate", "--database", text]) as? Migrate)
        try await migrate.run()

        let upgraded = try RegistrarDatabase(url: url, logger: Logger(label: "registrar.test.upgrade"))
        do {
            struct Name: Decodable { let name: String }
            let applied = try await upgraded.sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Name.self).map(\.name)
            XCTAssertEqual(Set(applied), Set((SummerSchoolApp.migrations + TutoringApp.migrations).map(\.name)))
            XCTAssertEqual(applied.count, Set(applied).count)
            struct Found: Decodable { let id: Int }
            let user = try await upgraded.sql.raw("SELECT id FROM summer_user WHERE username = 'upgrade01'").first(decoding: Found.self)
            XCTAssertEqual(user?.id, summerID)
            let staff = try await upgraded.sql.raw("SELECT id FROM tutoring_staff WHERE name = '升级管理员' AND deleted_at IS NULL")
                .first(decoding: Found.self)
            XCTAssertEqual(staff?.id, staffID)
        } catch {
            await upgraded.shutdown()
            throw error
        }
        await upgraded.shutdown()
        if case .sqliteFile(let path) = url {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
