import Foundation
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

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

    /// The summer money path's exactly-once rules hold with the racing requests split across two instances:
    /// one coupon pays one order, and a course with one seat left is taken once.
    func testSummerRacesSplitAcrossInstancesHappenOnce() async throws {
        let binary = try RegistrarBinary.located()
        let (url, cleanup) = try await Self.emptyDatabase()
        defer { cleanup() }
        let one = try await binary.serve(databaseURL: url, environment: ["REGISTRAR_SUMMER_WECHAT_STUB": "1"])
        let two = try await binary.serve(databaseURL: url, environment: ["REGISTRAR_SUMMER_WECHAT_STUB": "1"])
        let instances = [one, two]
        let database = try RegistrarDatabase(url: try DatabaseURL(parsing: url))
        let sql = database.sql
        func insert(_ statement: SQLQueryString) async throws -> Int {
            try await sql.raw(statement).first(decoding: ID.self)!.id
        }
        let now = SummerTime.now()
        let campus = try await insert("""
            INSERT INTO summer_campus (name, info, network_course, create_time, is_active) \
            VALUES ('杭州校区', '夏校', false, \(bind: now), true) RETURNING id
            """)
        let project = try await insert("""
            INSERT INTO summer_project (campus_id, name, start_date, end_date, create_time, apply_fee, course_num, is_active) \
            VALUES (\(bind: campus), '夏校', '2026-07-01', '2026-07-28', \(bind: now), 200000, 2, true) RETURNING id
            """)
        try await sql.raw("INSERT INTO summer_project_course_fee (project_id, course_number, course_fee) VALUES (\(bind: project), 1, 2312000)").run()
        let course = try await insert("""
            INSERT INTO summer_course (course_code, name, max_num, credit, create_time, modified_time, is_active) \
            VALUES ('ART 12', 'Western Art', 1, 4, \(bind: now), \(bind: now), true) RETURNING id
            """)
        try await sql.raw("""
            INSERT INTO summer_course_project (project_id, course_id, create_time, modified_time, professor, start_time, end_time, address) \
            VALUES (\(bind: project), \(bind: course), \(bind: now), \(bind: now), 'Smith', '2026-07-02', '2026-07-20', 'Room 1')
            """).run()
        let coupon = try await insert("""
            INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
            VALUES ('RACE000001', 50000, '新人券', \(bind: now), \(bind: now - 86_400_000_000), \(bind: now + 86_400_000_000), 10, true) RETURNING id
            """)
        func student(_ name: String) async throws -> (id: Int, ticket: String, chart: Int) {
            let id = try await insert("""
                INSERT INTO summer_user (username, role, is_active, is_superuser, create_time) \
                VALUES (\(bind: name), 'STUDENT', true, false, \(bind: now)) RETURNING id
                """)
            let detail = try await insert("""
                INSERT INTO summer_student_score_detail (user_id, department, phone, country, post_code, address) \
                VALUES (\(bind: id), '材料学院', '18608146540', '美国', '021878', '纽约市') RETURNING id
                """)
            let chart = try await insert("""
                INSERT INTO summer_shopping_chart (project_id, user_id, course_num, course_fee, create_time, modified_time, status, \
                stu_score_detail_id) VALUES (\(bind: project), \(bind: id), 1, 2312000, \(bind: now), \(bind: now), 'NEW', \(bind: detail)) RETURNING id
                """)
            return (id, try await Tickets.issue(userID: id, on: sql), chart)
        }

        // One student, one coupon, two order creations at once on the two instances.
        let payer = try await student("racer-payer")
        try await sql.raw("INSERT INTO summer_user_coupon (user_id, coupon_id, status) VALUES (\(bind: payer.id), \(bind: coupon), 'TO_USE')").run()
        let second = try await insert("""
            INSERT INTO summer_shopping_chart (project_id, user_id, course_num, course_fee, create_time, modified_time, status, \
            stu_score_detail_id) SELECT project_id, user_id, course_num, course_fee, create_time, modified_time, status, \
            stu_score_detail_id FROM summer_shopping_chart WHERE id = \(bind: payer.chart) RETURNING id
            """)
        let creations = try await withThrowingTaskGroup(of: Int.self) { group in
            for (server, chart) in zip(instances, [payer.chart, second]) {
                group.addTask {
                    try await LiveResponse.send(.POST, server.url("summer", "/order/"), headers: [("Cookie", "ticket=\(payer.ticket)")],
                                                json: ["chart_ids": [chart], "currency": "RMB", "payment": "BANK", "coupon_list": [coupon]]).code ?? -1
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(creations.sorted(), [0, 400], "\(creations)")
        struct Count: Decodable { let n: Int }
        let orders = try await sql.raw("SELECT COUNT(*) AS n FROM summer_order_coupon WHERE coupon_id = \(bind: coupon)").first(decoding: Count.self)
        XCTAssertEqual(orders?.n, 1)

        // Two students with confirmed orders race for the last seat, one on each instance.
        var racers: [(ticket: String, order: Int, chart: Int)] = []
        for name in ["racer-seat-1", "racer-seat-2"] {
            let s = try await student(name)
            let order = try await insert("""
                INSERT INTO summer_order (user_id, currency, payment, status, standard_fee, pay_fee, create_time, modified_time) \
                VALUES (\(bind: s.id), 'RMB', 'BANK', 'CONFIRMED', 2512000, 2512000, \(bind: now), \(bind: now)) RETURNING id
                """)
            try await sql.raw("INSERT INTO summer_order_chart (order_id, chart_id) VALUES (\(bind: order), \(bind: s.chart))").run()
            try await sql.raw("UPDATE summer_shopping_chart SET status = 'ORDERED' WHERE id = \(bind: s.chart)").run()
            racers.append((s.ticket, order, s.chart))
        }
        let selections = try await withThrowingTaskGroup(of: (code: Int, msg: String).self) { group in
            for (server, racer) in zip(instances, racers) {
                group.addTask {
                    let r = try await LiveResponse.send(.POST, server.url("summer", "/source/user_course/"), headers: [("Cookie", "ticket=\(racer.ticket)")],
                                                        json: ["order": racer.order, "chart_id": racer.chart, "course_ids": [course]])
                    return (r.code ?? -1, r.json["msg"] as? String ?? "")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(selections.map(\.code).sorted(), [0, 400], "\(selections)")
        XCTAssertTrue(selections.contains { $0.msg == "课程id：\(course) 名额已满" }, "\(selections)")
        let seats = try await sql.raw("SELECT COUNT(*) AS n FROM summer_user_course WHERE course_id = \(bind: course)").first(decoding: Count.self)
        XCTAssertEqual(seats?.n, 1)

        await database.shutdown()
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
