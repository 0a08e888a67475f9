import FluentKit
import Foundation
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// The login throttle shared by both APIs: failures counted per name in the database, attempts for one
/// name serialised, expired rows purged in bounded batches.
final class LoginThrottleTests: XCTestCase {
    struct CreateFailures: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema("core_login_failure")
                .field("id", .int, .identifier(auto: true))
                .field("name", .string, .required)
                .field("time", .int64, .required)
                .create()
        }
        func revert(on database: any Database) async throws {}
    }

    static let throttle = LoginThrottle(table: "core_login_failure", lockSpace: 99, fieldName: "name")
    static let wrong = AppError(code: 400, msg: "用户名或密码错误", fieldName: "password")

    func count(_ db: RegistrarDatabase, _ condition: String = "1 = 1") async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await db.sql.raw("SELECT COUNT(*) AS n FROM core_login_failure WHERE \(unsafeRaw: condition)")
            .first(decoding: Count.self)!.n
    }

    /// A check that takes a while (as bcrypt does) and succeeds only for `secret`.
    static func check(_ password: String) -> @Sendable (any SQLDatabase) async throws -> LoginThrottle.Outcome<String> {
        { _ in
            try await Task.sleep(nanoseconds: 20_000_000)
            return password == "secret" ? .success("ok") : .failure(wrong)
        }
    }

    func testFiveFailuresRefuseEvenTheRightPassword() async throws {
        try await TestDatabase.with(migrations: [CreateFailures()]) { db in
            for _ in 0..<5 {
                do { _ = try await Self.throttle.attempt(name: "ann", database: db, Self.check("bad")); XCTFail() } catch let error as AppError {
                    XCTAssertEqual(error, Self.wrong)
                }
            }
            do { _ = try await Self.throttle.attempt(name: "ann", database: db, Self.check("secret")); XCTFail() } catch let error as AppError {
                XCTAssertEqual(error, AppError(code: 429, msg: "登录失败次数过多，请15分钟后再试", fieldName: "name"))
            }
            let recorded = try await count(db)
            XCTAssertEqual(recorded, 5, "refusals record nothing")
            // Once the failures are older than the window, the right password passes and clears them.
            try await db.sql.raw("UPDATE core_login_failure SET time = time - 901").run()
            let value = try await Self.throttle.attempt(name: "ann", database: db, Self.check("secret"))
            XCTAssertEqual(value, "ok")
            let left = try await count(db, "name = 'ann'")
            XCTAssertEqual(left, 0)
        }
    }

    /// Concurrent attempts for one name run one at a time: eight right passwords all pass, and a burst of
    /// twenty wrong ones tests exactly five.
    func testConcurrentAttemptsAreSerialisedPerName() async throws {
        try await TestDatabase.with(migrations: [CreateFailures()]) { db in
            let passed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { (try? await Self.throttle.attempt(name: "bob", database: db, Self.check("secret"))) == "ok" }
                }
                var passed = 0
                for try await ok in group where ok { passed += 1 }
                return passed
            }
            XCTAssertEqual(passed, 8)

            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do { _ = try await Self.throttle.attempt(name: "bob", database: db, Self.check("bad")); return 0 } catch let error as AppError {
                            return error.code
                        }
                    }
                }
                var codes: [Int] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 5, "\(codes)")
            XCTAssertEqual(codes.filter { $0 == 429 }.count, 15, "\(codes)")
            let recorded = try await count(db)
            XCTAssertEqual(recorded, 5)
        }
    }

    /// A failed attempt deletes its name's expired rows and a bounded batch of other expired rows.
    func testFailedAttemptPurgesExpiredRows() async throws {
        try await TestDatabase.with(migrations: [CreateFailures()]) { db in
            let now = 2_000_000_000
            let expired = now - LoginThrottle.window - 10
            for index in 0..<(LoginThrottle.purgeBatch + 30) {
                try await db.sql.raw("INSERT INTO core_login_failure (name, time) VALUES (\(bind: "random\(index)"), \(bind: expired))").run()
            }
            try await db.sql.raw("INSERT INTO core_login_failure (name, time) VALUES ('carl', \(bind: expired))").run()
            try await db.sql.raw("INSERT INTO core_login_failure (name, time) VALUES ('carl', \(bind: now - 5))").run()
            try await db.sql.raw("INSERT INTO core_login_failure (name, time) VALUES ('dora', \(bind: now - 5))").run()

            do { _ = try await Self.throttle.attempt(name: "carl", database: db, now: now, Self.check("bad")); XCTFail() } catch is AppError {}

            let carl = try await count(db, "name = 'carl'")
            XCTAssertEqual(carl, 2, "the recent failure and this one")
            let dora = try await count(db, "name = 'dora'")
            XCTAssertEqual(dora, 1, "unexpired rows stay")
            let others = try await count(db, "name LIKE 'random%'")
            XCTAssertEqual(others, 30, "one batch of expired rows is purged")
        }
    }
}
