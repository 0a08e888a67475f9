import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

final class QueryCounterTests: XCTestCase {
    func testCountsStatementsInsideAndOutsideTransactionsOnlyWhileInstalled() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.sql.raw("CREATE TABLE core_q (id INTEGER PRIMARY KEY)").run()
            let counter = QueryCounter()
            try await counter.counting {
                try await db.sql.raw("INSERT INTO core_q (id) VALUES (1)").run()
                _ = try await db.sql.raw("SELECT id FROM core_q").all()
            }
            XCTAssertEqual(counter.count, 2)

            let inTransaction = QueryCounter()
            try await inTransaction.counting {
                try await db.transaction { sql in
                    try await sql.raw("INSERT INTO core_q (id) VALUES (2)").run()
                }
            }
            // The insert, plus the transaction's own statements on SQLite (busy timeout, BEGIN, COMMIT).
            XCTAssertGreaterThanOrEqual(inTransaction.count, 1)

            try await db.sql.raw("INSERT INTO core_q (id) VALUES (3)").run()  // not installed: not counted
            XCTAssertEqual(counter.count, 2)
        }
    }
}
