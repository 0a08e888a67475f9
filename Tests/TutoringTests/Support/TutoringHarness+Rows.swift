import Foundation
import SQLKit

/// Rows inserted directly in SQL, for tests that need data owned by other endpoints.
extension TutoringHarness {
    private struct Inserted: Decodable { let id: Int }

    private var now: Int { Int(Date().timeIntervalSince1970) }

    @discardableResult
    func createStudent(name: String = "王小明", state: Int = 1, headmasterID: Int? = nil, developerID: Int? = nil) async throws -> Int {
        try await sql.raw("""
            INSERT INTO tutoring_student (name, phone, school, grade, address, parent, parent_phone, headmaster_id, channel,
                developer_id, level, state, create_time, update_time)
            VALUES (\(bind: name), '13912345678', '实验中学', '初二', '', '', '', \(bind: headmasterID), '', \(bind: developerID),
                0, \(bind: state), \(bind: now), \(bind: now))
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    @discardableResult
    func createTeacher(name: String = "李华", phone: String? = nil, contactID: Int, preprice: Int = 200) async throws -> Int {
        struct Next: Decodable { let next: Int }
        let next = try await sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM tutoring_teacher").first(decoding: Next.self)!.next
        return try await sql.raw("""
            INSERT INTO tutoring_teacher (name, phone, sex, age, photo, teach_age, subject, post_school, grade, address, hometown,
                class_type, preprice, free_time, zone, org, teach_intro, info_from, contact_id, recommend_teacher, assessment,
                state, create_time, update_time)
            VALUES (\(bind: name), \(bind: phone ?? String(format: "137%08d", next)), '', 30, '', 6, '数学', '', '', '', '',
                '一对一', \(bind: preprice), '', '', '', '', '', \(bind: contactID), '', '', 1, \(bind: now), \(bind: now))
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    /// An order of `studentID` in `state`, sold by `salerID`.
    @discardableResult
    func createOrder(studentID: Int, salerID: Int, state: Int = 1) async throws -> Int {
        try await sql.raw("""
            INSERT INTO tutoring_orders (student_id, pay_method, amount, saler_id, state, create_time, update_time)
            VALUES (\(bind: studentID), '微信', 8000, \(bind: salerID), \(bind: state), \(bind: now), \(bind: now))
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    /// A lesson of `orderID` (and its student) with `allClass` classes, `consumedClass` already taken.
    @discardableResult
    func createLesson(orderID: Int, studentID: Int, teacherID: Int, allClass: Int = 40, consumedClass: Int = 0) async throws -> Int {
        try await sql.raw("""
            INSERT INTO tutoring_lesson (order_id, student_id, teacher_id, subject, all_class, consumed_class, week_class,
                address, class_type, target, parent_demand, student_demand, program, preprice, state, state_info,
                create_time, update_time)
            VALUES (\(bind: orderID), \(bind: studentID), \(bind: teacherID), '数学', \(bind: allClass), \(bind: consumedClass), 0,
                '', '一对一', '', '', '', '', 200, 1, '', \(bind: now), \(bind: now))
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    /// One integer column of one row, for assertions (`nil` when the row is missing or the value NULL).
    func intValue(_ column: String, of table: String, id: Int) async throws -> Int? {
        struct Value: Decodable { let value: Int? }
        return try await sql.raw("SELECT \(unsafeRaw: column) AS value FROM \(unsafeRaw: table) WHERE id = \(bind: id)")
            .first(decoding: Value.self)?.value
    }

    func stringValue(_ column: String, of table: String, id: Int) async throws -> String? {
        struct Value: Decodable { let value: String? }
        return try await sql.raw("SELECT \(unsafeRaw: column) AS value FROM \(unsafeRaw: table) WHERE id = \(bind: id)")
            .first(decoding: Value.self)?.value
    }
}
