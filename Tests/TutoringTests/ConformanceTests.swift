import Foundation
import HummingbirdTesting
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

    /// §5 C2/C3 with §1.12: every (actor role, target role) pair for updating and deleting another staff
    /// member, and every role change by roles 1 and 2. Refusals write nothing.
    func testManagesMatrixForStaffUpdateAndDelete() async throws {
        try await TutoringHarness.run { h in
            let manages: [Int: Set<Int>] = [1: Set(1...7), 2: Set(3...7), 3: [5], 4: [6], 5: [], 6: [], 7: []]
            var actors: [Int: TutoringHarness.Caller] = [:]
            for role in 1...7 { actors[role] = try await h.staff(role: role) }
            for actor in 1...7 {
                let caller = actors[actor]!
                for target in 1...7 {
                    let id = try await h.createStaff(role: target)
                    let update = try await h.put("/admin/staff/update", token: caller.token, json: ["staffID": id, "name": "改\(actor)-\(target)"])
                    let renamed = try await h.stringValue("name", of: "tutoring_staff", id: id) == "改\(actor)-\(target)"
                    if manages[actor]!.contains(target) {
                        XCTAssertEqual(update.code, 0, "\(actor) updates \(target)")
                        XCTAssertTrue(renamed)
                    } else {
                        XCTAssertEqual(update.code, 403, "\(actor) updates \(target)")
                        XCTAssertEqual(update.msg, "无权修改该员工")
                        XCTAssertEqual(update.fieldName, "staffID")
                        XCTAssertFalse(renamed)
                    }
                    let delete = try await h.delete("/admin/staff/delete", token: caller.token, query: ["staffID": id])
                    let deleted = try await h.count("tutoring_staff", where: "id = \(id) AND deleted_at IS NOT NULL") == 1
                    if actor >= 5 {
                        XCTAssertEqual(delete.code, 403, "\(actor) deletes \(target)")
                        XCTAssertEqual(delete.msg, "没有权限")
                        XCTAssertEqual(delete.fieldName, "")
                        XCTAssertFalse(deleted)
                    } else if manages[actor]!.contains(target) {
                        XCTAssertEqual(delete.code, 0, "\(actor) deletes \(target)")
                        XCTAssertTrue(deleted)
                    } else {
                        XCTAssertEqual(delete.code, 403, "\(actor) deletes \(target)")
                        XCTAssertEqual(delete.msg, "无权删除该员工")
                        XCTAssertEqual(delete.fieldName, "staffID")
                        XCTAssertFalse(deleted)
                    }
                }
            }
            // Role changes: 1 → any role of another staff member, 2 → 3..7 (of staff it manages).
            for actor in [1, 2] {
                for newRole in 1...7 {
                    let id = try await h.createStaff(role: 5)
                    let r = try await h.put("/admin/staff/update", token: actors[actor]!.token, json: ["staffID": id, "roler": newRole])
                    let stored = try await h.intValue("role", of: "tutoring_staff", id: id)
                    if manages[actor]!.contains(newRole) {
                        XCTAssertEqual(r.code, 0, "\(actor) sets \(newRole)")
                        XCTAssertEqual(stored, newRole)
                    } else {
                        XCTAssertEqual(r.code, 403, "\(actor) sets \(newRole)")
                        XCTAssertEqual(r.msg, "无权设置该角色")
                        XCTAssertEqual(r.fieldName, "roler")
                        XCTAssertEqual(stored, 5)
                    }
                }
            }
        }
    }

    /// §1.13: with several faults, the earliest step decides (validation → existence → target permission →
    /// stored state → uniqueness), and nothing is written.
    func testEvaluationOrderWithSeveralFaults() async throws {
        try await TutoringHarness.run { h in
            let lead = try await h.staff(role: 3, name: "主管", phone: "13600000003")
            let sales = try await h.staff(role: 5, name: "销售", phone: "13600000005")
            let service = try await h.createStaff(name: "售后", phone: "13600000006", role: 6)
            func expect(_ r: TestResponse, _ code: Int, _ field: String, _ line: UInt = #line) {
                XCTAssertEqual(r.code, code, r.bodyText, line: line)
                XCTAssertEqual(r.fieldName, field, r.bodyText, line: line)
            }
            // staff/update: a bad field beats a missing target; a missing target beats the permission;
            // the permission beats a role rule and uniqueness; the self-role rule beats uniqueness.
            expect(try await h.put("/admin/staff/update", token: sales.token, json: ["staffID": 999, "roler": 9]), 400, "roler")
            expect(try await h.put("/admin/staff/update", token: sales.token, json: ["staffID": 999, "name": "主管"]), 404, "staffID")
            expect(try await h.put("/admin/staff/update", token: lead.token, json: ["staffID": service, "name": "销售", "roler": 5]), 403, "staffID")
            expect(try await h.put("/admin/staff/update", token: lead.token, json: ["staffID": lead.id, "name": "销售", "roler": 5]), 403, "roler")
            expect(try await h.put("/admin/staff/update", token: lead.token, json: ["staffID": sales.id, "phone": "13600000006", "roler": 6]), 403, "roler")
            expect(try await h.put("/admin/staff/update", token: lead.token, json: ["staffID": sales.id, "name": "主管", "phone": "13600000006"]), 409, "name")
            // staff/add: request rule after all fields; the manages rule before uniqueness.
            expect(try await h.post("/admin/staff/add", token: lead.token, json: [
                "name": "新人", "password": "secret1", "repassword": "other1", "phone": "1360000000", "roler": 5,
            ]), 400, "phone")
            expect(try await h.post("/admin/staff/add", token: lead.token, json: [
                "name": "新人", "password": "secret1", "repassword": "other1", "phone": "13600000009", "roler": 5,
            ]), 400, "repassword")
            expect(try await h.post("/admin/staff/add", token: lead.token, json: [
                "name": "销售", "password": "secret1", "repassword": "secret1", "phone": "13600000005", "roler": 6,
            ]), 403, "roler")
            // staff/delete: a missing target beats the self rule's sibling checks.
            expect(try await h.delete("/admin/staff/delete", token: lead.token, query: ["staffID": 999]), 404, "staffID")
            do { let value = try await h.count("tutoring_staff"); XCTAssertEqual(value, 3) }
            do { let value = try await h.stringValue("name", of: "tutoring_staff", id: sales.id); XCTAssertEqual(value, "销售") }

            // appoint/add: every 404 (in table order) beats the lesson-ownership 400.
            let s = try await AppointmentTests.scene(h)
            let other = try await h.createStudent(name: "别人")
            var body = AppointmentTests.body(s, lesson: s.lesson)
            body["studentID"] = other
            body["matcherID"] = 999
            expect(try await h.post("/admin/appoint/add", token: s.me.token, json: body), 404, "matcherID")
            body["matcherID"] = s.me.id
            expect(try await h.post("/admin/appoint/add", token: s.me.token, json: body), 400, "lessionID")
            body["studentID"] = 999
            body["teacherID"] = 998
            expect(try await h.post("/admin/appoint/add", token: s.me.token, json: body), 404, "studentID")
            do { let value = try await h.count("tutoring_appointment"); XCTAssertEqual(value, 0) }

            // appoint/update: 404 of a changed reference, then the student rule, then the final-state locks,
            // then ownership of a changed lesson.
            let otherOrder = try await h.createOrder(studentID: other, salerID: s.me.id)
            let foreign = try await h.createLesson(orderID: otherOrder, studentID: other, teacherID: s.teacher)
            let id = try await AppointmentTests.add(h, s, lesson: s.lesson)
            expect(try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": id, "teacherID": 999, "studentID": other]), 404, "teacherID")
            expect(try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": id, "studentID": other, "lessionID": foreign]), 400, "studentID")
            do { let value = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": id, "state": 2]).code; XCTAssertEqual(value, 0) }
            expect(try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": id, "state": 3, "lessionID": foreign]), 409, "state")
            expect(try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": id, "lessionID": foreign]), 409, "lessionID")
            let fresh = try await AppointmentTests.add(h, s)
            expect(try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": fresh, "lessionID": foreign, "state": 2]), 400, "lessionID")
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 1) }
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: foreign); XCTAssertEqual(value, 0) }
            do { let value = try await h.intValue("state", of: "tutoring_appointment", id: fresh); XCTAssertEqual(value, 1) }
            do { let value = try await h.intValue("lesson_id", of: "tutoring_appointment", id: id); XCTAssertEqual(value, s.lesson) }
        }
    }

    /// §1.10: a student/delete racing follow-up and appointment adds never leaves a live record of a
    /// deleted student (the cascade sees every committed add; later adds get 404).
    func testStudentDeleteRacingAddsLeavesNoOrphans() async throws {
        try await TutoringHarness.run { h in
            let s = try await AppointmentTests.scene(h)
            try await h.sql.raw("UPDATE tutoring_orders SET deleted_at = 1").run()
            let token = s.me.token
            for _ in 0..<4 {
                let student = try await h.createStudent()
                let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                    for index in 0..<8 {
                        group.addTask {
                            if index == 4 {
                                return try await h.delete("/admin/student/delete", token: token, query: ["studentID": student]).code
                            } else if index % 2 == 0 {
                                return try await h.post("/admin/fellowup/add", token: token, json: [
                                    "studentID": student, "staffID": s.me.id, "content": "跟进\(index)",
                                ]).code
                            } else {
                                var body = AppointmentTests.body(s)
                                body["studentID"] = student
                                return try await h.post("/admin/appoint/add", token: token, json: body).code
                            }
                        }
                    }
                    var codes: [Int?] = []
                    for try await code in group { codes.append(code) }
                    return codes
                }
                XCTAssertTrue(codes.allSatisfy { $0 == 0 || $0 == 404 }, "\(codes)")
                for table in ["tutoring_fellowup", "tutoring_appointment"] {
                    let orphans = try await h.count(table, where: "student_id = \(student) AND deleted_at IS NULL")
                    XCTAssertEqual(orphans, 0, table)
                }
            }
        }
    }

    /// §1.5: a burst of concurrent wrong logins cannot test more than 5 passwords: the rest get 429, and
    /// exactly the credential failures are recorded.
    func testConcurrentLoginBurstIsThrottled() async throws {
        try await TutoringHarness.run { h in
            try await h.createStaff(name: "admin", role: 1)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<20 {
                    group.addTask { try await h.post("/admin/user/login", json: ["name": "admin", "password": "wrong\(index)x"]).code }
                }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            let failures = codes.filter { $0 == 400 }.count
            XCTAssertLessThanOrEqual(failures, 5, "\(codes)")
            XCTAssertEqual(failures + codes.filter { $0 == 429 }.count, 20, "\(codes)")
            do { let value = try await h.count("tutoring_login_failure"); XCTAssertEqual(value, failures, "429s record nothing") }
            let correct = try await h.post("/admin/user/login", json: ["name": "admin", "password": TutoringHarness.defaultPassword])
            XCTAssertEqual(correct.code, failures >= 5 ? 429 : 0)
        }
    }
}
