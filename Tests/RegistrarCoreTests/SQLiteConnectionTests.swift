import NIOCore
import NIOPosix
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// SQLite settings belong to connections: every pooled connection gets them when it opens, not only the
/// one that happened to run a statement at start-up.
final class SQLiteConnectionTests: XCTestCase {
    struct Setting: Decodable { let value: Int }

    static func read(_ pragma: String, on sql: any SQLDatabase) async throws -> Int? {
        // The value column is named after the pragma; read the row's only column.
        let row = try await sql.raw(SQLQueryString("PRAGMA \(pragma)")).first()
        guard let row, let column = row.allColumns.first else { return nil }
        return try row.decode(column: column, as: Int.self)
    }

    func testEveryPooledConnectionIsConfigured() async throws {
        try XCTSkipIf(TestDatabase.isPostgres, "SQLite only")
        try await TestDatabase.with(migrations: []) { db in
            // One pool per event loop: each loop opens a connection of its own, concurrently.
            let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
            XCTAssertGreaterThan(loops.count, 1)
            let settings = try await withThrowingTaskGroup(of: [Int?].self) { group in
                for loop in loops {
                    group.addTask {
                        let sql = db.sql(on: loop)
                        return [
                            try await Self.read("busy_timeout", on: sql), try await Self.read("synchronous", on: sql),
                            try await Self.read("foreign_keys", on: sql),
                        ]
                    }
                }
                var all: [[Int?]] = []
                for try await values in group { all.append(values) }
                return all
            }
            XCTAssertEqual(settings.count, loops.count)
            for values in settings {
                XCTAssertEqual(values[0], 10_000, "busy_timeout")
                XCTAssertEqual(values[1], 2, "synchronous = FULL")
                XCTAssertEqual(values[2], 1, "foreign_keys")
            }
        }
    }
}
