import RegistrarTesting
import SQLKit
import XCTest

/// Display names resolved live, deleted rows included (§1.11), nested lesson arrays (§1.8) and the
/// order → lesson cascade (§1.10).
final class OrderNamesTests: XCTestCase {
    func testNamesOfDeletedRowsAndLiveNestedLessons() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let saler = try await h.createStaff(name: "张丽", role: 5)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(name: "李华", contact: admin.id)
            let order = try await h.addOrder(token: admin.token, student: student, lessons: [
                TutoringHarness.lesson(teacher: teacher), TutoringHarness.lesson(teacher: teacher), TutoringHarness.lesson(teacher: teacher),
            ])
            try await h.sql.raw("UPDATE tutoring_orders SET saler_id = \(bind: saler) WHERE id = \(bind: order)").run()
            let lessons = try await h.lessonIDs(order: order)
            // The middle lesson is deleted; the teacher, saler and (directly in SQL) the student are deleted too.
            do { let r = try await h.delete("/admin/lesson/delete", token: admin.token, query: ["lessonID": lessons[1]]); XCTAssertEqual(r.code, 0) }
            do { let r = try await h.delete("/admin/teacher/delete", token: admin.token, query: ["teacherID": teacher]); XCTAssertEqual(r.code, 0) }
            try await h.sql.raw("UPDATE tutoring_staff SET deleted_at = 1 WHERE id = \(bind: saler)").run()
            try await h.sql.raw("UPDATE tutoring_student SET name = '王大明', deleted_at = 1 WHERE id = \(bind: student)").run()

            let list = try await h.get("/admin/order/list", token: admin.token)
            let item = try XCTUnwrap(list.data?["list"]?[0])
            XCTAssertEqual(item["name"]?.stringValue, "王大明")  // live: the current name
            XCTAssertEqual(item["saler"]?.stringValue, "张丽")
            XCTAssertEqual(item["lesson"]?.arrayValue?.map { $0["lessonID"]?.intValue ?? 0 }, [lessons[0], lessons[2]])
            XCTAssertEqual(item["lesson"]?[0]?["name"]?.stringValue, "李华")
            XCTAssertEqual(item["lesson"]?[0]?["phone"]?.stringValue.map { $0.count }, 11)

            let info = try await h.get("/admin/order/info", token: admin.token, query: ["orderID": order])
            XCTAssertEqual(info.data?["saler"]?.stringValue, "张丽")
            XCTAssertEqual(info.data?["lesson"]?.arrayValue?.map { $0["lessonID"]?.intValue ?? 0 }, [lessons[0], lessons[2]])
            XCTAssertEqual(info.data?["lesson"]?[1]?["name"]?.stringValue, "李华")
            XCTAssertEqual(info.data?["lesson"]?[1]?["teacheAge"]?.intValue, 6)
            XCTAssertNil(info.data?["lesson"]?[1]?["teachAge"])

            let lesson = try await h.get("/admin/lesson/info", token: admin.token, query: ["lessonID": lessons[0]])
            XCTAssertEqual(lesson.data?["teacher"]?.stringValue, "李华")
            XCTAssertEqual(lesson.data?["student"]?.stringValue, "王大明")
        }
    }

    /// order/delete stamps the order and its live lessons with one time and deleter; a lesson deleted before
    /// keeps its own stamp. Totals follow (trigger-kept counts).
    func testDeleteCascadeAndTotals() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let sales = try await h.staff(role: 5)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            let kept = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
            let order = try await h.addOrder(token: admin.token, student: student, lessons: [
                TutoringHarness.lesson(teacher: teacher), TutoringHarness.lesson(teacher: teacher), TutoringHarness.lesson(teacher: teacher),
            ])
            let lessons = try await h.lessonIDs(order: order)
            do { let r = try await h.delete("/admin/lesson/delete", token: admin.token, query: ["lessonID": lessons[0]]); XCTAssertEqual(r.code, 0) }
            try await h.sql.raw("UPDATE tutoring_lesson SET deleted_at = 5 WHERE id = \(bind: lessons[0])").run()

            var orders = try await h.get("/admin/order/list", token: admin.token)
            XCTAssertEqual(orders.data?["total"]?.intValue, 2)
            var all = try await h.get("/admin/lesson/list", token: admin.token)
            XCTAssertEqual(all.json["total"]?.intValue, 3)

            do { let r = try await h.delete("/admin/order/delete", token: sales.token, query: ["orderID": order]); XCTAssertEqual(r.code, 0) }
            struct Stamp: Decodable { let deleted_at: Int; let deleted_by: Int }
            let orderStamp = try await h.sql.raw("SELECT deleted_at, deleted_by FROM tutoring_orders WHERE id = \(bind: order)")
                .first(decoding: Stamp.self)!
            let stamps = try await h.sql.raw("SELECT deleted_at, deleted_by FROM tutoring_lesson WHERE order_id = \(bind: order) ORDER BY id")
                .all(decoding: Stamp.self)
            XCTAssertEqual(orderStamp.deleted_by, sales.id)
            XCTAssertEqual(stamps.map(\.deleted_at), [5, orderStamp.deleted_at, orderStamp.deleted_at])
            XCTAssertEqual(stamps.map(\.deleted_by), [admin.id, sales.id, sales.id])

            orders = try await h.get("/admin/order/list", token: admin.token)
            XCTAssertEqual(orders.data?["total"]?.intValue, 1)
            XCTAssertEqual(orders.data?["list"]?[0]?["orderID"]?.intValue, kept)
            all = try await h.get("/admin/lesson/list", token: admin.token)
            XCTAssertEqual(all.json["total"]?.intValue, 1)
            XCTAssertEqual(all.json["allPage"]?.intValue, 1)
            checkError(try await h.get("/admin/lesson/info", token: admin.token, query: ["lessonID": lessons[2]]), 404, "lessonID")
            checkError(try await h.get("/admin/lesson/list", token: admin.token, query: ["orderID": order]), 404, "orderID")
        }
    }

    /// An order whose lessons were all deleted lists `lesson: []` (never null), in list and info alike.
    func testOrderWithoutLiveLessons() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let student = try await h.insertStudent()
            let teacher = try await h.insertTeacher(contact: admin.id)
            let empty = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
            let full = try await h.addOrder(token: admin.token, student: student, lessons: [TutoringHarness.lesson(teacher: teacher)])
            let lesson = try await h.lessonIDs(order: empty)[0]
            do { let r = try await h.delete("/admin/lesson/delete", token: admin.token, query: ["lessonID": lesson]); XCTAssertEqual(r.code, 0) }

            let list = try await h.get("/admin/order/list", token: admin.token)
            XCTAssertEqual(list.data?["list"]?.arrayValue?.map { $0["orderID"]?.intValue ?? 0 }, [full, empty])
            XCTAssertEqual(list.data?["list"]?[0]?["lesson"]?.arrayValue?.count, 1)
            XCTAssertEqual(list.data?["list"]?[1]?["lesson"]?.arrayValue?.count, 0)
            let info = try await h.get("/admin/order/info", token: admin.token, query: ["orderID": empty])
            XCTAssertEqual(info.code, 0, info.bodyText)
            XCTAssertEqual(info.data?["lesson"]?.arrayValue?.count, 0)
            XCTAssertEqual(info.data?["name"]?.stringValue, "王小明")
        }
    }
}
