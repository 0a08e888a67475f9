import Foundation
import RegistrarCore
import RegistrarTesting
import SQLKit
import Tutoring
import XCTest

/// `registrar backup`: a consistent copy of a live SQLite database.
final class BackupTests: XCTestCase {
    private struct Count: Decodable { let n: Int }
    private struct Check: Decodable { let integrity_check: String }

    func testBackupDuringWritesIsConsistentAndOpens() async throws {
        try await TestDatabase.with(migrations: TutoringApp.migrations) { database in
            let target = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)/copy.sqlite").path
            defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path) }
            guard !TestDatabase.isPostgres else {
                do {
                    try await database.backup(to: target)
                    XCTFail("PostgreSQL backups are pg_dump's job")
                } catch let error as OperatorError {
                    XCTAssertTrue(error.description.contains("pg_dump"))
                }
                return
            }
            try await database.sql.raw("CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL)").run()
            // Each write is a pair of rows in one transaction; a consistent copy never holds half a pair.
            let writer = Task {
                for i in 0..<200 {
                    try await database.transaction { sql in
                        try await sql.raw("INSERT INTO backup_probe (a, b) VALUES (\(bind: i), 1)").run()
                        try await sql.raw("INSERT INTO backup_probe (a, b) VALUES (\(bind: i), 2)").run()
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(20))
            try await database.backup(to: target)
            try await writer.value

            let copy = try RegistrarDatabase(url: .sqliteFile(path: target))
            let check = try await copy.sql.raw("PRAGMA integrity_check").first(decoding: Check.self)
            XCTAssertEqual(check?.integrity_check, "ok")
            let rows = try await copy.sql.raw("SELECT COUNT(*) AS n FROM backup_probe").first(decoding: Count.self)!.n
            XCTAssertEqual(rows % 2, 0, "a transaction is wholly in the copy or not at all")
            let tables = try await copy.sql.raw("SELECT COUNT(*) AS n FROM tutoring_staff").first(decoding: Count.self)
            XCTAssertNotNil(tables, "the schema came along")
            await copy.shutdown()

            // An existing file is never overwritten.
            do {
                try await database.backup(to: target)
                XCTFail("overwrote an existing file")
            } catch let error as OperatorError {
                XCTAssertTrue(error.description.contains("exists"))
            }
        }
    }
}
