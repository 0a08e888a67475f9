import Foundation
import HummingbirdTesting
import RegistrarTesting
import SQLKit
import XCTest

/// Rows for teacher, order and lesson tests, inserted directly in SQL (independent of the student endpoints).
extension TutoringHarness {
    @discardableResult
    func insertStudent(name: String = "王小明", phone: String = "13912345678", state: Int = 1) async throws -> Int {
        struct Inserted: Decodable { let id: Int }
        return try await sql.raw("""
            INSERT INTO tutoring_student (name, phone, school, grade, address, parent, parent_phone, channel, level, state, create_time, update_time)
            VALUES (\(bind: name), \(bind: phone), '第一中学', '初二', '', '', '', '', 0, \(bind: state), 1489800000, 1489800000)
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    @discardableResult
    func insertTeacher(name: String = "李华", phone: String? = nil, contact: Int, preprice: Int = 200, teachAge: Int = 6) async throws -> Int {
        struct Inserted: Decodable { let id: Int }
        struct Next: Decodable { let next: Int }
        let next = try await sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM tutoring_teacher").first(decoding: Next.self)!.next
        return try await sql.raw("""
            INSERT INTO tutoring_teacher (name, phone, sex, age, photo, teach_age, subject, post_school, grade, address, hometown,
                class_type, preprice, free_time, zone, org, teach_intro, info_from, contact_id, recommend_teacher, assessment, state,
                create_time, update_time)
            VALUES (\(bind: name), \(bind: phone ?? String(format: "137%08d", next)), '女', 30, '', \(bind: teachAge), '数学', '第一中学',
                '初中', '', '湖南', '一对一', \(bind: preprice), '周末', '海淀区', '', '', '朋友介绍', \(bind: contact), '', '', 2,
                1489800000, 1489800000)
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    /// A lesson element for order/add.
    static func lesson(teacher: Int, allClass: Int = 40, extra: [String: Any] = [:]) -> [String: Any] {
        var element: [String: Any] = ["teacherID": teacher, "subject": "数学", "allClass": allClass, "classType": "一对一"]
        for (key, value) in extra { element[key] = value }
        return element
    }

    /// Adds an order through the API (fails the test otherwise) and returns its ID.
    func addOrder(token: String, student: Int, lessons: [[String: Any]], amount: Int = 8000) async throws -> Int {
        let response = try await post("/admin/order/add", token: token, json: [
            "studentID": student, "amount": amount, "payMethod": "微信", "lesson": lessons,
        ])
        XCTAssertEqual(response.code, 0, response.bodyText)
        struct Last: Decodable { let id: Int }
        return try await sql.raw("SELECT MAX(id) AS id FROM tutoring_orders").first(decoding: Last.self)!.id
    }

    func lessonIDs(order: Int) async throws -> [Int] {
        struct Row: Decodable { let id: Int }
        return try await sql.raw("SELECT id FROM tutoring_lesson WHERE order_id = \(bind: order) ORDER BY id")
            .all(decoding: Row.self).map(\.id)
    }
}

/// Asserts an error envelope: code, field_name, and no `data` key.
func checkError(_ response: TestResponse, _ code: Int, _ field: String, _ msg: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(response.code, code, response.bodyText, file: file, line: line)
    XCTAssertEqual(response.fieldName, field, response.bodyText, file: file, line: line)
    XCTAssertNil(response.json["data"], response.bodyText, file: file, line: line)
    if let msg { XCTAssertEqual(response.msg, msg, file: file, line: line) }
}
