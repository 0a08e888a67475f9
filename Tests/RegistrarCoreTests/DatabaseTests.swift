import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

final class DatabaseTests: XCTestCase {
    func testURLParsing() throws {
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite://data/x.sqlite"), .sqliteFile(path: "data/x.sqlite"))
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite:///abs/x.sqlite"), .sqliteFile(path: "/abs/x.sqlite"))
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite://:memory:"), .sqliteMemory)
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:p@h:5432/db"), .postgres(url: "postgres://u:p@h:5432/db"))
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:secret@h:5432/db").description, "postgres://u:***@h:5432/db")
        XCTAssertThrowsError(try DatabaseURL(parsing: "mysql://x"))
        XCTAssertThrowsError(try DatabaseURL(parsing: "sqlite://"))
    }

    func testTransactionRollsBackEverythingOnError() async throws {
        struct Stop: Error {}
        struct Count: Decodable { let n: Int }
        try await TestDatabase.with(migrations: []) { db in
            try await db.sql.raw("CREATE TABLE core_tx (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").run()
            do {
                _ = try await db.transaction { sql in
                    try await sql.raw("INSERT INTO core_tx (id, v) VALUES (1, 'a')").run()
                    try await sql.raw("INSERT INTO core_tx (id, v) VALUES (2, 'b')").run()
                    throw Stop()
                }
                XCTFail("expected the transaction to throw")
            } catch is Stop {}
            let afterRollback = try await db.sql.raw("SELECT COUNT(*) AS n FROM core_tx").first(decoding: Count.self)
            XCTAssertEqual(afterRollback?.n, 0)

            try await db.transaction { sql in
                try await sql.raw("INSERT INTO core_tx (id, v) VALUES (1, 'a')").run()
            }
            let afterCommit = try await db.sql.raw("SELECT COUNT(*) AS n FROM core_tx").first(decoding: Count.self)
            XCTAssertEqual(afterCommit?.n, 1)
        }
    }

    func testUniqueViolationIsRecognised() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.sql.raw("CREATE TABLE core_unique (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)").run()
            try await db.sql.raw("INSERT INTO core_unique (id, v) VALUES (1, 'a')").run()
            do {
                try await db.sql.raw("INSERT INTO core_unique (id, v) VALUES (2, 'a')").run()
                XCTFail("expected a unique violation")
            } catch {
                XCTAssertTrue(RegistrarDatabase.isConstraintViolation(error))
            }
        }
    }

    func testConcurrentTransactionsSerialiseWrites() async throws {
        struct Row: Decodable { let v: Int }
        try await TestDatabase.with(migrations: []) { db in
            try await db.sql.raw("CREATE TABLE core_counter (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)").run()
            try await db.sql.raw("INSERT INTO core_counter (id, v) VALUES (1, 0)").run()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await db.transaction { sql in
                            let row = try await sql.raw("SELECT v FROM core_counter WHERE id = 1").first(decoding: Row.self)
                            try await sql.raw("UPDATE core_counter SET v = \(bind: (row?.v ?? 0) + 1) WHERE id = 1 AND v = \(bind: row?.v ?? 0)").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let row = try await db.sql.raw("SELECT v FROM core_counter WHERE id = 1").first(decoding: Row.self)
            // Read-then-write inside one transaction never loses an update on SQLite (BEGIN IMMEDIATE).
            if !TestDatabase.isPostgres { XCTAssertEqual(row?.v, 20) } else { XCTAssertGreaterThan(row?.v ?? 0, 0) }
        }
    }
}
