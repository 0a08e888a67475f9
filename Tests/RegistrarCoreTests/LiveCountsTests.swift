import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

final class LiveCountsTests: XCTestCase {
    func testTriggersFollowInsertsSoftDeletesRestoresAndDeletes() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let sql = db.sql
            try await sql.raw("CREATE TABLE core_counted (id INTEGER PRIMARY KEY, deleted_at BIGINT)").run()
            try await sql.raw("INSERT INTO core_counted (id, deleted_at) VALUES (1, NULL), (2, NULL), (3, 5)").run()
            try await LiveCounts.install(on: "core_counted", sql)
            try await LiveCounts.install(on: "core_counted", sql)  // idempotent
            var live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 2)  // existing rows are counted at install

            try await sql.raw("INSERT INTO core_counted (id, deleted_at) VALUES (4, NULL), (5, 9)").run()
            live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 3)

            try await sql.raw("UPDATE core_counted SET deleted_at = 10 WHERE id IN (1, 2)").run()
            live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 1)

            try await sql.raw("UPDATE core_counted SET deleted_at = 11 WHERE id = 1").run()  // already deleted
            try await sql.raw("UPDATE core_counted SET deleted_at = NULL WHERE id = 3").run()  // restored
            live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 2)

            try await sql.raw("DELETE FROM core_counted WHERE id IN (3, 5)").run()
            live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 1)

            // A rolled-back write leaves the count as it was.
            struct Stop: Error {}
            _ = try? await db.transaction { tx in
                try await tx.raw("INSERT INTO core_counted (id, deleted_at) VALUES (7, NULL)").run()
                throw Stop()
            }
            live = try await LiveCounts.live(in: "core_counted", on: sql)
            XCTAssertEqual(live, 1)

            struct Count: Decodable { let n: Int }
            let actual = try await sql.raw("SELECT COUNT(*) AS n FROM core_counted WHERE deleted_at IS NULL").first(decoding: Count.self)
            XCTAssertEqual(actual?.n, live)
        }
    }
}
