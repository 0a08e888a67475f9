import Foundation
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// Two `registrar serve` processes on one database behave as one: migrations started at once do not collide,
/// sessions and tickets opened on one work on the other, logout on one ends them on both, the login throttle
/// counts across both, and racing confirmations split across the two happen once.
final class MultiInstanceTests: XCTestCase {
    private struct ID: Decodable { let id: Int }
    private struct State: Decodable { let state: Int }

    func testTwoInstancesOnOneDatabaseBehaveAsOne() async throws {
        let binary = try RegistrarBinary.located()
        let (url, cleanup) = try await Self.emptyDatabase()
        defer { cleanup() }

        // Both start on an empty database at the same moment.
        async let first = binary.serve(databaseURL: url)
        async let second = binary.serve(databaseURL: url)
        let (one, two) = try await (first, second)
        let instances = [one, two]

        var created = try await binary.run(
            ["create-admin", "tutoring", "--name", "管理员", "--phone", "13800000000", "--password", "secret123"], databaseURL: url)
        XCTAssertEqual(created.status, 0, created.output)
        created = try await binary.run(["create-admin", "summer", "--username", "AdminUser", "--password", "123456"], databaseURL: url)
        XCTAssertEqual(created.status, 0, created.output)

        // Tutoring: a session opened on one instance works on the other; logout on the other ends it on both.
        let token = try await Self.tutoringLogin(on: one)
        for server in instances {
            let info = try await LiveResponse.send(.GET, server.url("tutoring", "/admin/user/info"), headers: [("Authorization", "Bearer \(token)")])
            XCTAssertEqual(info.code, 0, "\(info.json)")
        }
        let logout = try await LiveResponse.send(.GET, two.url("tutoring", "/admin/user/logout"), headers: [("Authorization", "Bearer \(token)")])
        XCTAssertEqual(logout.code, 0)
        for server in instances {
            let info = try await LiveResponse.send(.GET, server.url("tutoring", "/admin/user/info"), headers: [("Authorization", "Bearer \(token)")])
            XCTAssertEqual(info.code, 401)
        }

        // Summer: the same for tickets.
        let login = try await LiveResponse.send(.POST, one.url("summer", "/auth/user/login/"), json: ["username": "AdminUser", "password": "123456"])
        let ticket = try XCTUnwrap(login.data?["ticket"] as? String, "\(login.json)")
        for server in instances {
            let campus = try await LiveResponse.send(.GET, server.url("summer", "/common/campus/"), headers: [("Cookie", "ticket=\(ticket)")])
            XCTAssertEqual(campus.code, 0, "\(campus.json)")
        }
        _ = try await LiveResponse.send(.PUT, two.url("summer", "/auth/user/logout/"), headers: [("Cookie", "ticket=\(ticket)")])
        let after = try await LiveResponse.send(.GET, one.url("summer", "/common/campus/"), headers: [("Cookie", "ticket=\(ticket)")])
        XCTAssertEqual(after.code, 401)

        // Racing confirmations of one order, split across the instances: exactly one succeeds.
        let confirmer = try await Self.tutoringLogin(on: two)
        let database = try RegistrarDatabase(url: try DatabaseURL(parsing: url))
        let order = try await Self.insertOrder(on: database.sql)
        let codes = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                let server = instances[i % 2]
                group.addTask {
                    try await LiveResponse.send(.PUT, server.url("tutoring", "/admin/order/confirm"),
                                                headers: [("Authorization", "Bearer \(confirmer)")], json: ["orderID": order]).code ?? -1
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(codes.filter { $0 == 0 }.count, 1, "\(codes)")
        XCTAssertFalse(codes.contains(500), "\(codes)")
        let state = try await database.sql.raw("SELECT state FROM tutoring_orders WHERE id = \(bind: order)").first(decoding: State.self)
        XCTAssertEqual(state?.state, 2)
        await database.shutdown()

        // The login throttle counts failures across both instances: five wrong passwords, alternating.
        for i in 0..<5 {
            let wrong = try await LiveResponse.send(.POST, instances[i % 2].url("tutoring", "/admin/user/login"),
                                                    json: ["name": "管理员", "password": "wrong-\(i)"])
            XCTAssertNotEqual(wrong.code, 0)
        }
        let locked = try await LiveResponse.send(.POST, one.url("tutoring", "/admin/user/login"), json: ["name": "管理员", "password": "secret123"])
        XCTAssertEqual(locked.code, 429, "\(locked.json)")

        for server in instances { let status = await server.stop(); XCTAssertEqual(status, 0) }
    }

    private static func tutoringLogin(on server: ServerProcess) async throws -> String {
        let login = try await LiveResponse.send(.POST, server.url("tutoring", "/admin/user/login"), json: ["name": "管理员", "password": "secret123"])
        return try XCTUnwrap(login.data?["token"] as? String, "\(login.json)")
    }

    /// A student and an unconfirmed order sold by the administrator.
    private static func insertOrder(on sql: any SQLDatabase) async throws -> Int {
        let now = Int(Date().timeIntervalSince1970)
        let student = try await sql.raw("""
            INSERT INTO tutoring_student (name, phone, school, grade, address, parent, parent_phone, channel, level, state, \
            create_time, update_time) VALUES ('王小明', '13912345678', '实验中学', '初二', '', '', '', '', 0, 1, \(bind: now), \(bind: now)) \
            RETURNING id
            """).first(decoding: ID.self)!.id
        return try await sql.raw("""
            INSERT INTO tutoring_orders (student_id, pay_method, amount, saler_id, state, create_time, update_time) \
            VALUES (\(bind: student), '微信', 8000, (SELECT MIN(id) FROM tutoring_staff), 1, \(bind: now), \(bind: now)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// A database with no tables: the CI PostgreSQL with its schema emptied, or a new SQLite file.
    static func emptyDatabase() async throws -> (url: String, cleanup: @Sendable () -> Void) {
        if let postgres = TestDatabase.postgresURL {
            let database = try RegistrarDatabase(url: try DatabaseURL(parsing: postgres))
            try await database.sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await database.sql.raw("CREATE SCHEMA public").run()
            await database.shutdown()
            return (postgres, {})
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-multi-\(UUID().uuidString)")
        return ("sqlite://\(folder.path)/registrar.sqlite", { try? FileManager.default.removeItem(at: folder) })
    }
}
