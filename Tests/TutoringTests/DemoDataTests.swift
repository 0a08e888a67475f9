import RegistrarCore
import RegistrarTesting
import SQLKit
import Tutoring
import XCTest

final class DemoDataTests: XCTestCase {
    func testLoadsOnceAndLogsIn() async throws {
        try await TutoringHarness.run { h in
            let report = try await TutoringApp.loadDemoData(database: h.database)
            XCTAssertTrue(report.contains("admin / admin123"), report)
            XCTAssertTrue(report.contains("财务人员"), report)
            let counts = try await (h.count("tutoring_staff"), h.count("tutoring_student"), h.count("tutoring_orders"),
                                    h.count("tutoring_lesson"), h.count("tutoring_fellowup"), h.count("tutoring_appointment"),
                                    h.count("tutoring_teacher"))
            XCTAssertEqual(counts.0, DemoProfile.demo.staff)
            XCTAssertEqual(counts.1, DemoProfile.demo.students)
            XCTAssertEqual(counts.2, DemoProfile.demo.orders)
            XCTAssertGreaterThan(counts.3, DemoProfile.demo.orders)
            XCTAssertGreaterThan(counts.4, 0)
            XCTAssertGreaterThan(counts.5, 0)
            XCTAssertEqual(counts.6, DemoProfile.demo.teachers)

            // Idempotent: a second run changes nothing.
            let again = try await TutoringApp.loadDemoData(database: h.database)
            XCTAssertTrue(again.contains("already"), again)
            let staffAfter = try await h.count("tutoring_staff")
            let lessonsAfter = try await h.count("tutoring_lesson")
            XCTAssertEqual(staffAfter, counts.0)
            XCTAssertEqual(lessonsAfter, counts.3)

            // Every role is present, every order and lesson state occurs, and the invariants hold.
            for role in 1...7 {
                let staff = try await h.count("tutoring_staff", where: "role = \(role)")
                XCTAssertGreaterThan(staff, 0, "role \(role)")
            }
            for state in 1...3 {
                let orders = try await h.count("tutoring_orders", where: "state = \(state)")
                let lessons = try await h.count("tutoring_lesson", where: "state = \(state)")
                XCTAssertGreaterThan(orders, 0, "order state \(state)")
                XCTAssertGreaterThan(lessons, 0, "lesson state \(state)")
            }
            let broken = try await h.count("tutoring_lesson", where: "consumed_class > all_class OR (consumed_class = all_class AND state <> 3)")
            XCTAssertEqual(broken, 0)
            let unpaid = try await h.count("tutoring_student", where: "state <> 0 AND id IN (SELECT student_id FROM tutoring_orders WHERE state = 2)")
            XCTAssertEqual(unpaid, 0)

            // The trigger-kept live counts match COUNT(*) after the bulk load (soft-deleted rows excluded).
            for table in ["tutoring_student", "tutoring_orders", "tutoring_lesson"] {
                let counted = try await h.count(table, where: "deleted_at IS NULL")
                let kept = try await LiveCounts.live(in: table, on: h.sql)
                XCTAssertEqual(kept, counted, table)
                let deleted = try await h.count(table, where: "deleted_at IS NOT NULL")
                XCTAssertGreaterThan(deleted, 0, "the demo soft-deletes some \(table)")
            }

            // The logins work, and the lists answer on the generated data.
            let token = try await h.login(name: "admin", password: "admin123")
            let orders = try await h.get("/admin/order/list", token: token)
            XCTAssertEqual(orders.code, 0)
            let liveOrders = try await h.count("tutoring_orders", where: "deleted_at IS NULL")
            XCTAssertEqual(orders.data?["total"]?.intValue, liveOrders)
            XCTAssertEqual(orders.data?["list"]?.arrayValue?.count, 10)
            let lessons = try await h.get("/admin/lesson/list", token: token, query: ["num": 100])
            XCTAssertEqual(lessons.data?.arrayValue?.count, 100)
            let teachers = try await h.get("/admin/teacher/info", token: token, query: ["teacherID": 1])
            XCTAssertEqual(teachers.code, 0)
        }
    }

    /// The same profile yields the same rows.
    func testGenerationIsDeterministic() async throws {
        let profile = DemoProfile(students: 200, orders: 60, teachers: 12, staff: 12, seed: 42, followupStudents: 20, appointmentStudents: 10)
        var dumps: [String] = []
        for _ in 0..<2 {
            try await TestDatabase.with(migrations: TutoringApp.migrations) { db in
                _ = try await TutoringApp.loadDemoData(database: db, profile: profile)
                struct Row: Decodable { let id: Int; let name: String; let phone: String; let state: Int }
                let students = try await db.sql.raw("SELECT id, name, phone, state FROM tutoring_student ORDER BY id").all(decoding: Row.self)
                struct Lesson: Decodable { let id: Int; let all_class: Int; let consumed_class: Int; let start_date: String? }
                let lessons = try await db.sql.raw("SELECT id, all_class, consumed_class, start_date FROM tutoring_lesson ORDER BY id")
                    .all(decoding: Lesson.self)
                dumps.append("\(students.map { "\($0.id)\($0.name)\($0.phone)\($0.state)" })\(lessons.map { "\($0.id)/\($0.all_class)/\($0.consumed_class)/\($0.start_date ?? "")" })")
            }
        }
        XCTAssertEqual(dumps[0], dumps[1])
    }
}
