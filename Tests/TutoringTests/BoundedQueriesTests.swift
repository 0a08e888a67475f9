import RegistrarCore
import SQLKit
import XCTest

/// Every list runs the same number of queries for one row as for a full page: names and nested lessons are
/// joined or batched, never fetched per row.
final class BoundedQueriesTests: XCTestCase {
    private static func queries(_ h: TutoringHarness, _ path: String, token: String, query: [String: Any] = [:]) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await h.get(path, token: token, query: query) }
        XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
        return counter.count
    }

    private static func addFollowupAndAppointment(_ h: TutoringHarness, studentID: Int, staffID: Int, teacherID: Int) async throws {
        try await h.sql.raw("""
            INSERT INTO tutoring_fellowup (student_id, staff_id, content, create_time, update_time)
            VALUES (\(bind: studentID), \(bind: staffID), '电话沟通', 1, 1)
            """).run()
        try await h.sql.raw("""
            INSERT INTO tutoring_appointment (student_id, teacher_id, subject, trial_date, trial_time, location,
                matcher_id, state, state_info, class_consumed, create_time, update_time)
            VALUES (\(bind: studentID), \(bind: teacherID), '数学', '2024-03-18', '8:00-9:00', '家里', \(bind: staffID),
                1, '', \(bind: false), 1, 1)
            """).run()
    }

    func testListsRunTheSameQueriesForOneRowAndForAFullPage() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let paths: [(String, [String: Any])]
            // One row of everything.
            let firstStudent = try await h.createStudent(headmasterID: admin.id, developerID: admin.id)
            let teacher = try await h.createTeacher(contactID: admin.id)
            let firstOrder = try await h.createOrder(studentID: firstStudent, salerID: admin.id)
            _ = try await h.createLesson(orderID: firstOrder, studentID: firstStudent, teacherID: teacher)
            try await Self.addFollowupAndAppointment(h, studentID: firstStudent, staffID: admin.id, teacherID: teacher)
            paths = [
                ("/admin/student/list", [:]), ("/admin/student/list", ["isDeal": 0]),
                ("/admin/order/list", [:]), ("/admin/lesson/list", [:]), ("/admin/lesson/list", ["studentID": firstStudent]),
                ("/admin/teacher/list", [:]), ("/admin/staff/info", [:]),
                ("/admin/fellowup/list", ["studentID": firstStudent]), ("/admin/appoint/list", ["studentID": firstStudent]),
            ]
            var single: [Int] = []
            for (path, query) in paths { single.append(try await Self.queries(h, path, token: admin.token, query: query)) }

            // Full pages: more students, staff, teachers, orders with several lessons, follow-ups and appointments.
            for index in 0..<12 {
                let staffID = try await h.createStaff(role: 5)
                let student = try await h.createStudent(headmasterID: staffID, developerID: admin.id)
                let otherTeacher = try await h.createTeacher(phone: String(format: "186%08d", index), contactID: staffID)
                let order = try await h.createOrder(studentID: student, salerID: staffID)
                for _ in 0..<3 { _ = try await h.createLesson(orderID: order, studentID: student, teacherID: otherTeacher) }
                _ = try await h.createLesson(orderID: firstOrder, studentID: firstStudent, teacherID: otherTeacher)
                try await Self.addFollowupAndAppointment(h, studentID: firstStudent, staffID: staffID, teacherID: otherTeacher)
            }
            let page = try await h.get("/admin/order/list", token: admin.token)
            XCTAssertEqual(page.data?["list"]?.arrayValue?.count, 10)  // a full page, with nested lessons
            for ((path, query), expected) in zip(paths, single) {
                let count = try await Self.queries(h, path, token: admin.token, query: query)
                XCTAssertEqual(count, expected, "\(path) \(query) ran \(count) queries for a full page, \(expected) for one row")
                XCTAssertLessThanOrEqual(count, 5, "\(path)")
                XCTAssertGreaterThanOrEqual(count, 2, "\(path): the session check and the list itself are counted")
            }
        }
    }
}
