import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest

/// Orders and lessons written at the same moment by several staff (§1.14): row locks are taken in one order
/// (student → order → lessons), so racing requests neither deadlock (500) nor leave inconsistent rows.
final class OrderConcurrencyTests: XCTestCase {
    /// Runs every request at once and returns their (code, field_name).
    static func together(_ requests: [@Sendable () async throws -> TestResponse]) async throws -> [(Int, String)] {
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for request in requests {
                group.addTask {
                    let r = try await request()
                    return (r.code ?? -1, r.fieldName ?? "")
                }
            }
            var all: [(Int, String)] = []
            for try await result in group { all.append(result) }
            return all
        }
    }

    /// order/delete and lesson/delete of its lessons at once: each lesson/delete succeeds or finds the lesson
    /// gone (404); never a deadlock.
    func testLessonDeletesRacingOrderDelete() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            for _ in 0..<4 {
                let order = try await h.addOrder(token: admin.token, student: student, lessons: Array(
                    repeating: TutoringHarness.lesson(teacher: teacher), count: 4))
                let lessons = try await h.lessonIDs(order: order)
                var requests: [@Sendable () async throws -> TestResponse] = lessons.map { lesson in
                    { try await h.delete("/admin/lesson/delete", token: admin.token, query: ["lessonID": lesson]) }
                }
                requests.insert({ try await h.delete("/admin/order/delete", token: admin.token, query: ["orderID": order]) }, at: 2)
                let codes = try await Self.together(requests)
                XCTAssertTrue(codes.allSatisfy { $0.0 == 0 || ($0.0 == 404 && $0.1 == "lessonID") }, "\(codes)")
                let live = try await h.count("tutoring_lesson", where: "order_id = \(order) AND deleted_at IS NULL")
                XCTAssertEqual(live, 0)
            }
        }
    }

    /// lesson/add racing order/delete: the lesson is added before the delete (and goes with it) or refused
    /// with 404; a deleted order never has a live lesson.
    func testLessonAddsRacingOrderDelete() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            for _ in 0..<4 {
                let order = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
                let add: @Sendable () async throws -> TestResponse = {
                    try await h.post("/admin/lesson/add", token: admin.token, json: [
                        "orderID": order, "studentID": student, "teacherID": teacher, "subject": "英语", "allClass": 10,
                    ])
                }
                let codes = try await Self.together([
                    add, add, { try await h.delete("/admin/order/delete", token: admin.token, query: ["orderID": order]) }, add, add,
                ])
                XCTAssertTrue(codes.allSatisfy { $0.0 == 0 || ($0.0 == 404 && $0.1 == "orderID") }, "\(codes)")
                let orphans = try await h.count("tutoring_lesson", where: """
                    deleted_at IS NULL AND order_id IN (SELECT id FROM tutoring_orders WHERE deleted_at IS NOT NULL)
                    """)
                XCTAssertEqual(orphans, 0)
            }
        }
    }

    /// lesson/add racing order/confirm: a lesson is never added to a confirmed order after the fact.
    func testLessonAddsRacingConfirm() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            let order = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
            let add: @Sendable () async throws -> TestResponse = {
                try await h.post("/admin/lesson/add", token: admin.token, json: [
                    "orderID": order, "studentID": student, "teacherID": teacher, "subject": "英语", "allClass": 10,
                ])
            }
            let codes = try await Self.together([add, add, { try await h.put("/admin/order/confirm", token: admin.token, json: ["orderID": order]) }, add])
            XCTAssertTrue(codes.allSatisfy { $0.0 == 0 || ($0.0 == 409 && $0.1 == "orderID") }, "\(codes)")
            // (Timestamps cannot order them: confirm reads the clock before waiting for the order's lock.)
            // The order's first lesson plus one per successful add; the other success is the confirmation.
            let lessons = try await h.count("tutoring_lesson", where: "order_id = \(order)")
            XCTAssertEqual(lessons, 1 + codes.filter { $0.0 == 0 }.count - 1, "\(codes)")
            let confirmed = try await h.count("tutoring_orders", where: "id = \(order) AND state = 2")
            XCTAssertEqual(confirmed, 1)
        }
    }

    /// order/add racing student/delete: either the order exists and the delete was refused (409), or the
    /// student is gone and the add was refused (404); never a live order of a deleted student.
    func testOrderAddRacingStudentDelete() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let teacher = try await h.insertTeacher(contact: admin.id)
            for _ in 0..<6 {
                let student = try await h.insertStudent()
                let codes = try await Self.together([
                    { try await h.post("/admin/order/add", token: admin.token, json: [
                        "studentID": student, "amount": 100, "lesson": [TutoringHarness.lesson(teacher: teacher)],
                    ]) },
                    { try await h.delete("/admin/student/delete", token: admin.token, query: ["studentID": student]) },
                ])
                XCTAssertEqual(codes.filter { $0.0 == 0 }.count, 1, "\(codes)")
                XCTAssertTrue(codes.allSatisfy { [0, 404, 409].contains($0.0) && ($0.0 == 0 || $0.1 == "studentID") }, "\(codes)")
            }
            let orphans = try await h.count("tutoring_orders", where: """
                deleted_at IS NULL AND student_id IN (SELECT id FROM tutoring_student WHERE deleted_at IS NOT NULL)
                """)
            XCTAssertEqual(orphans, 0)
        }
    }

    /// order/confirm racing order/delete: exactly one wins; the loser gets 409 (delete of a confirmed order)
    /// or 404 (confirm of a deleted order), and a confirmed order is never deleted.
    func testConfirmRacingDelete() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            for _ in 0..<6 {
                let order = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
                let codes = try await Self.together([
                    { try await h.put("/admin/order/confirm", token: admin.token, json: ["orderID": order]) },
                    { try await h.delete("/admin/order/delete", token: admin.token, query: ["orderID": order]) },
                ])
                XCTAssertEqual(codes.filter { $0.0 == 0 }.count, 1, "\(codes)")
                XCTAssertTrue(codes.allSatisfy { [0, 404, 409].contains($0.0) && ($0.0 == 0 || $0.1 == "orderID") }, "\(codes)")
            }
            let broken = try await h.count("tutoring_orders", where: "state = 2 AND deleted_at IS NOT NULL")
            XCTAssertEqual(broken, 0)
        }
    }
}
