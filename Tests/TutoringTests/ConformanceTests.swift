import Foundation
import RegistrarTesting
import XCTest

/// Cases found by the conformance audit of §2.1–§2.6 against the contract.
final class ConformanceTests: XCTestCase {
    /// §1.5: a Bearer header decides alone, even when it carries no token (no fallback to the cookie).
    func testBearerWithoutTokenDecides() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            for header in ["Bearer", "bearer ", "Bearer    "] {
                let r = try await h.send(.get, "/admin/user/info", headers: [.authorization: header, .cookie: "tutoring_sid=\(me.token)"])
                XCTAssertEqual(r.code, 401, "header \(header)")
                XCTAssertEqual(r.fieldName, "")
                XCTAssertNil(r.headers[.setCookie])
            }
        }
    }

    /// §2.4.4 with §1.6: a `studentID` that is null or "" is absent, so the `studetID` alias is the key used.
    func testStudentUpdateAliasWhenStudentIDIsEmpty() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 5)
            let id = try await h.createStudent(name: "旧名")
            let r = try await h.put("/admin/student/update", token: me.token, json: ["studentID": "", "studetID": id, "name": "新名"])
            XCTAssertEqual(r.code, 0, r.bodyText)
            do { let value = try await h.stringValue("name", of: "tutoring_student", id: id); XCTAssertEqual(value, "新名") }
            let missing = try await h.put("/admin/student/update", token: me.token, json: ["studentID": "", "studetID": 999, "name": "x"])
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.fieldName, "studetID")
            let neither = try await h.put("/admin/student/update", token: me.token, json: ["studentID": "", "studetID": ""])
            XCTAssertEqual(neither.code, 400)
            XCTAssertEqual(neither.fieldName, "studentID")
            // A malformed studentID is still the key used (it is reported, not skipped).
            let malformed = try await h.put("/admin/student/update", token: me.token, json: ["studentID": "abc", "studetID": id])
            XCTAssertEqual(malformed.code, 400)
            XCTAssertEqual(malformed.fieldName, "studentID")
            do { let value = try await h.stringValue("name", of: "tutoring_student", id: id); XCTAssertEqual(value, "新名") }
        }
    }

    /// §4.2 / §1.14: two concurrent deals of one appointment naming different lessons. Exactly one wins;
    /// the other sees the final state and its lesson lock (409), so one class is consumed, of the lesson
    /// the appointment ends up with.
    func testConcurrentDealsOfOneAppointmentWithDifferentLessons() async throws {
        try await TutoringHarness.run { h in
            let s = try await AppointmentTests.scene(h)
            let second = try await h.createLesson(orderID: s.order, studentID: s.student, teacherID: s.teacher)
            for _ in 0..<3 {
                let id = try await AppointmentTests.add(h, s)
                let token = s.me.token
                let results = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
                    for lesson in [s.lesson, second] {
                        group.addTask {
                            let r = try await h.put("/admin/appoint/update", token: token, json: ["appointID": id, "state": 2, "lessionID": lesson])
                            return (lesson, r.code)
                        }
                    }
                    var results: [(Int, Int?)] = []
                    for try await result in group { results.append(result) }
                    return results
                }
                XCTAssertEqual(results.filter { $0.1 == 0 }.count, 1, "\(results)")
                XCTAssertEqual(results.filter { $0.1 == 409 }.count, 1, "\(results)")
                let winner = try XCTUnwrap(results.first { $0.1 == 0 }?.0)
                do { let value = try await h.intValue("lesson_id", of: "tutoring_appointment", id: id); XCTAssertEqual(value, winner) }
            }
            let first = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson) ?? -1
            let other = try await h.intValue("consumed_class", of: "tutoring_lesson", id: second) ?? -1
            XCTAssertEqual(first + other, 3, "one class per appointment")
            let linked = try await h.count("tutoring_appointment", where: "lesson_id = \(s.lesson)")
            XCTAssertEqual(linked, first, "each consumed class belongs to an appointment linked to that lesson")
        }
    }
}
