import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// `LiveBuckets.pageKeys` returns exactly the page `ORDER BY id DESC LIMIT … OFFSET …` returns, at every
/// offset, while rows are inserted, soft-deleted, restored and deleted across several buckets.
final class LiveBucketsTests: XCTestCase {
    private struct Key: Decodable { let id: Int }

    private static func keys(_ sql: any SQLDatabase, _ window: PageWindow) async throws -> (expected: [Int], actual: [Int]) {
        let expected = try await sql.raw("""
            SELECT id FROM core_paged WHERE deleted_at IS NULL ORDER BY id DESC LIMIT \(bind: window.size) OFFSET \(bind: window.offset)
            """).all(decoding: Key.self).map(\.id)
        let actual = try await sql.raw("""
            SELECT id FROM core_paged WHERE id IN (\(LiveBuckets.pageKeys(of: "core_paged", window: window))) ORDER BY id DESC
            """).all(decoding: Key.self).map(\.id)
        return (expected, actual)
    }

    /// Every page of 25 and 100 rows, and pages of 1 and 10 rows around the bucket edges and the end.
    private static func assertPagesMatch(_ sql: any SQLDatabase, file: StaticString = #filePath, line: UInt = #line) async throws {
        for size in [25, 100] {
            var page = 1
            while true {
                let (expected, actual) = try await keys(sql, PageWindow(page: page, size: size))
                XCTAssertEqual(actual, expected, "page \(page) of \(size)", file: file, line: line)
                if expected.isEmpty { break }
                page += 1
            }
        }
        struct Count: Decodable { let n: Int }
        let live = try await sql.raw("SELECT COUNT(*) AS n FROM core_paged WHERE deleted_at IS NULL").first(decoding: Count.self)?.n ?? 0
        let width = LiveBuckets.width
        let edges = [0, 1, 2] + (-12...12).flatMap { [width + $0, 2 * width + $0, live + $0] }
        for offset in Set(edges.filter { $0 >= 0 }) {
            for size in [1, 10] {
                let (expected, actual) = try await keys(sql, PageWindow(page: offset / size + 1, size: size))
                XCTAssertEqual(actual, expected, "offset \(offset), size \(size)", file: file, line: line)
            }
        }
        let past = try await keys(sql, PageWindow(page: Int.max, size: 10))
        XCTAssertEqual(past.actual, [], file: file, line: line)
    }

    func testPagesMatchOffsetPagingThroughWrites() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let sql = db.sql
            try await sql.raw("CREATE TABLE core_paged (id BIGINT PRIMARY KEY, deleted_at BIGINT)").run()
            try await sql.raw("CREATE INDEX core_paged_live ON core_paged (deleted_at, id)").run()
            // Existing rows across four buckets, some deleted, are counted at install.
            try await sql.raw("""
                WITH RECURSIVE c(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM c WHERE g < 13000)
                INSERT INTO core_paged (id, deleted_at) SELECT g, CASE WHEN g % 5 = 0 THEN 1 ELSE NULL END FROM c
                """).run()
            try await LiveBuckets.install(on: "core_paged", sql)
            try await LiveBuckets.install(on: "core_paged", sql)  // idempotent
            try await Self.assertPagesMatch(sql)

            // Inserts in a far bucket and in existing ones, soft deletes, restores, hard deletes.
            try await sql.raw("INSERT INTO core_paged (id, deleted_at) VALUES (30000, NULL), (30001, NULL), (13500, 2), (13001, NULL)").run()
            try await sql.raw("UPDATE core_paged SET deleted_at = 3 WHERE id BETWEEN 5000 AND 5400 OR id = 30000").run()
            try await sql.raw("UPDATE core_paged SET deleted_at = NULL WHERE id IN (5, 10, 13500)").run()
            try await sql.raw("UPDATE core_paged SET deleted_at = 4 WHERE id = 5050").run()  // already deleted
            try await sql.raw("DELETE FROM core_paged WHERE id BETWEEN 8100 AND 8300 OR id = 30001").run()
            // A rolled-back write leaves the counts as they were.
            struct Stop: Error {}
            _ = try? await db.transaction { tx in
                try await tx.raw("INSERT INTO core_paged (id, deleted_at) VALUES (20000, NULL)").run()
                throw Stop()
            }
            try await Self.assertPagesMatch(sql)

            try await LiveBuckets.uninstall(from: "core_paged", sql)
            try await sql.raw("INSERT INTO core_paged (id, deleted_at) VALUES (40000, NULL)").run()  // no trigger left
        }
    }
}
