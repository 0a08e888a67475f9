import Foundation
import RegistrarTesting
import XCTest

final class AppointmentTests: XCTestCase {
    /// A staff member, a student with an order and a lesson, and a teacher.
    struct Scene: Sendable {
        let me: TutoringHarness.Caller
        let student: Int
        let teacher: Int
        let order: Int
        let lesson: Int
    }

    static func scene(_ h: TutoringHarness, allClass: Int = 40, consumed: Int = 0) async throws -> Scene {
        let me = try await h.staff(role: 6, name: "赵敏")
        let student = try await h.createStudent()
        let teacher = try await h.createTeacher(name: "李华", contactID: me.id)
        let order = try await h.createOrder(studentID: student, salerID: me.id)
        let lesson = try await h.createLesson(orderID: order, studentID: student, teacherID: teacher, allClass: allClass, consumedClass: consumed)
        return Scene(me: me, student: student, teacher: teacher, order: order, lesson: lesson)
    }

    static func body(_ s: Scene, lesson: Int? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "studentID": s.student, "teacherID": s.teacher, "subject": "数学", "trialDate": "2017-3-18",
            "trialTime": " 08：00 － 9:30 ", "localtion": "学生家", "matcherID": s.me.id, "state": 2, "stateInfo": "ignored",
        ]
        if let lesson { body["lessionID"] = lesson }
        return body
    }

    /// Adds an appointment and returns its ID.
    static func add(_ h: TutoringHarness, _ s: Scene, lesson: Int? = nil) async throws -> Int {
        let r = try await h.post("/admin/appoint/add", token: s.me.token, json: body(s, lesson: lesson))
        XCTAssertEqual(r.code, 0, r.bodyText)
        let list = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
        return try XCTUnwrap(list.data?[0]?["appointID"]?.intValue)
    }

    func testAddAndList() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h)
            let first = try await Self.add(h, s)
            var body = Self.body(s, lesson: s.lesson)
            body["subject"] = 3
            do { let value = try await h.post("/admin/appoint/add", token: s.me.token, json: body).code; XCTAssertEqual(value, 0) }
            let list = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
            let items = try XCTUnwrap(list.data?.arrayValue)
            XCTAssertEqual(items.count, 2)
            XCTAssertEqual(items[0]["lessionID"]?.intValue, s.lesson)
            XCTAssertEqual(items[0]["subject"]?.stringValue, "3")
            let item = items[1]
            XCTAssertEqual(item["appointID"]?.intValue, first)
            XCTAssertEqual(item["studentID"]?.intValue, s.student)
            XCTAssertEqual(item["lessionID"]?.intValue, 0)
            XCTAssertEqual(item["teacherID"]?.intValue, s.teacher)
            XCTAssertEqual(item["teacher"]?.stringValue, "李华")
            XCTAssertEqual(item["trialDate"]?.stringValue, "2017-03-18")
            XCTAssertEqual(item["trialTime"]?.stringValue, "8:00-9:30")
            XCTAssertEqual(item["localtion"]?.stringValue, "学生家")
            XCTAssertEqual(item["matcherID"]?.intValue, s.me.id)
            XCTAssertEqual(item["matcher"]?.stringValue, "赵敏")
            XCTAssertEqual(item["state"]?.intValue, 1, "state is not accepted on add")
            XCTAssertEqual(item["stateInfo"]?.stringValue, "")
            XCTAssertGreaterThan(item["createTime"]?.intValue ?? 0, 1_000_000_000)
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 0) }
            do { let value = try await h.intValue("state", of: "tutoring_student", id: s.student); XCTAssertEqual(value, 1) }
            do { let value = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": 999]).code; XCTAssertEqual(value, 404) }
        }
    }

    func testAddErrors() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h)
            let otherStudent = try await h.createStudent(name: "别人")
            func check(_ change: [String: Any?], _ code: Int, _ msg: String, _ field: String) async throws {
                var body = Self.body(s)
                for (key, value) in change { body[key] = value }
                let r = try await h.post("/admin/appoint/add", token: s.me.token, json: body)
                XCTAssertEqual(r.code, code, msg)
                XCTAssertEqual(r.msg, msg)
                XCTAssertEqual(r.fieldName, field)
            }
            try await check(["studentID": nil], 400, "学生ID不能为空", "studentID")
            try await check(["lessionID": -1], 400, "课程ID超出允许范围", "lessionID")
            try await check(["teacherID": 0], 400, "约课的教师ID超出允许范围", "teacherID")
            try await check(["subject": ""], 400, "约课科目不能为空", "subject")
            try await check(["subject": true], 400, "约课科目格式不正确", "subject")
            try await check(["trialDate": "2017-02-29"], 400, "试课日期格式不正确", "trialDate")
            try await check(["trialDate": "17-02-01"], 400, "试课日期格式不正确", "trialDate")
            try await check(["trialDate": ""], 400, "试课日期不能为空", "trialDate")
            try await check(["trialTime": "8:00"], 400, "试课时间段格式不正确", "trialTime")
            try await check(["trialTime": "24:00-25:00"], 400, "试课时间段格式不正确", "trialTime")
            try await check(["trialTime": "9:00-9:00"], 400, "试课开始时间必须早于结束时间", "trialTime")
            try await check(["localtion": nil], 400, "约课地点不能为空", "localtion")
            try await check(["matcherID": "x"], 400, "匹课员工ID格式不正确", "matcherID")
            try await check(["studentID": 999, "lessionID": 999, "teacherID": 999, "matcherID": 999], 404, "学生不存在", "studentID")
            try await check(["lessionID": 999, "teacherID": 999, "matcherID": 999], 404, "课程不存在", "lessionID")
            try await check(["teacherID": 999, "matcherID": 999], 404, "教师不存在", "teacherID")
            try await check(["matcherID": 999], 404, "员工不存在", "matcherID")
            try await check(["studentID": otherStudent, "lessionID": s.lesson], 400, "课程不属于该学生", "lessionID")
            do { let value = try await h.count("tutoring_appointment"); XCTAssertEqual(value, 0) }
            var leap = Self.body(s)
            leap["trialDate"] = "2016-2-29"
            let ok = try await h.post("/admin/appoint/add", token: s.me.token, json: leap)
            XCTAssertEqual(ok.code, 0)
        }
    }

    func testDealConsumesOneClassOnce() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h, allClass: 2)
            let a = try await Self.add(h, s, lesson: s.lesson)
            let b = try await Self.add(h, s, lesson: s.lesson)
            let c = try await Self.add(h, s, lesson: s.lesson)
            // 1 → 3 → 4 → 2: only the transition into 2 consumes.
            for state in [3, 4, 1, 2, 2] {
                let r = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": a, "state": state])
                XCTAssertEqual(r.code, 0, "state \(state)")
            }
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 1) }
            do { let value = try await h.intValue("CASE WHEN class_consumed THEN 1 ELSE 0 END", of: "tutoring_appointment", id: a); XCTAssertEqual(value, 1) }
            do { let value = try await h.intValue("state", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 1) }
            // State 2 is final and locks the lesson.
            let back = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": a, "state": 1])
            XCTAssertEqual(back.code, 409)
            XCTAssertEqual(back.msg, "已成交的约课不能更改状态")
            XCTAssertEqual(back.fieldName, "state")
            let relink = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": a, "lessionID": 0])
            XCTAssertEqual(relink.code, 409)
            XCTAssertEqual(relink.msg, "已成交的约课不能更改课程")
            XCTAssertEqual(relink.fieldName, "lessionID")
            let edit = try await h.put(
                "/admin/appoint/update", token: s.me.token, json: ["appointID": a, "lessionID": s.lesson, "stateInfo": "成交", "subject": "英语"])
            XCTAssertEqual(edit.code, 0)

            // The second deal uses the last class: the lesson ends.
            do { let value = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": b, "state": 2]).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 2) }
            do { let value = try await h.intValue("state", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 3) }
            let full = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": c, "state": 2])
            XCTAssertEqual(full.code, 409)
            XCTAssertEqual(full.msg, "该课程课时已全部消耗")
            XCTAssertEqual(full.fieldName, "lessionID")
            do { let value = try await h.intValue("state", of: "tutoring_appointment", id: c); XCTAssertEqual(value, 1, "nothing written") }

            // Deleting an appointment refunds nothing.
            do { let value = try await h.delete("/admin/appoint/delete", token: s.me.token, query: ["appointID": a]).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 2) }
            let gone = try await h.delete("/admin/appoint/delete", token: s.me.token, query: ["appointID": a])
            XCTAssertEqual(gone.code, 404)
            XCTAssertEqual(gone.msg, "约课记录不存在")
            XCTAssertEqual(gone.fieldName, "appointID")
            let list = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
            XCTAssertEqual(list.data?.arrayValue?.count, 2)
        }
    }

    func testDealWithoutLessonAndDeletedLesson() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h)
            let plain = try await Self.add(h, s)
            do { let value = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": plain, "state": 2]).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.intValue("CASE WHEN class_consumed THEN 1 ELSE 0 END", of: "tutoring_appointment", id: plain); XCTAssertEqual(value, 0) }

            let linked = try await Self.add(h, s, lesson: s.lesson)
            try await h.sql.raw("UPDATE tutoring_lesson SET deleted_at = 1 WHERE id = \(bind: s.lesson)").run()
            // The unchanged (deleted) lesson may stay, but not be consumed.
            let keep = try await h.put(
                "/admin/appoint/update", token: s.me.token, json: ["appointID": linked, "lessionID": s.lesson, "state": 4])
            XCTAssertEqual(keep.code, 0)
            let deal = try await h.put("/admin/appoint/update", token: s.me.token, json: ["appointID": linked, "state": 2])
            XCTAssertEqual(deal.code, 404)
            XCTAssertEqual(deal.msg, "课程不存在")
            XCTAssertEqual(deal.fieldName, "lessionID")
            do { let value = try await h.intValue("state", of: "tutoring_appointment", id: linked); XCTAssertEqual(value, 4) }
        }
    }

    func testUpdateFieldsAndErrors() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h)
            let other = try await h.createStudent(name: "别人")
            let otherOrder = try await h.createOrder(studentID: other, salerID: s.me.id)
            let foreignLesson = try await h.createLesson(orderID: otherOrder, studentID: other, teacherID: s.teacher)
            let teacher2 = try await h.createTeacher(name: "王老师", contactID: s.me.id)
            let id = try await Self.add(h, s)
            func update(_ body: [String: Any]) async throws -> (Int?, String?, String?) {
                var body = body
                body["appointID"] = body["appointID"] ?? id
                let r = try await h.put("/admin/appoint/update", token: s.me.token, json: body)
                return (r.code, r.msg, r.fieldName)
            }
            var r = try await update(["appointID": 999])
            XCTAssertEqual(r.0, 404)
            XCTAssertEqual(r.1, "约课记录不存在")
            XCTAssertEqual(r.2, "appointID")
            r = try await update(["lessionID": 999])
            XCTAssertEqual(r.1, "课程不存在")
            r = try await update(["teacherID": 999])
            XCTAssertEqual(r.1, "教师不存在")
            r = try await update(["matcherID": 999])
            XCTAssertEqual(r.1, "员工不存在")
            XCTAssertEqual(r.2, "matcherID")
            r = try await update(["studentID": other])
            XCTAssertEqual(r.0, 400)
            XCTAssertEqual(r.1, "不能更改约课所属学生")
            XCTAssertEqual(r.2, "studentID")
            r = try await update(["lessionID": foreignLesson])
            XCTAssertEqual(r.0, 400)
            XCTAssertEqual(r.1, "课程不属于该学生")
            r = try await update(["state": 5])
            XCTAssertEqual(r.1, "约课状态取值无效")
            r = try await update(["localtion": " "])
            XCTAssertEqual(r.1, "约课地点不能为空")
            r = try await update(["trialTime": "10:00-9:00"])
            XCTAssertEqual(r.1, "试课开始时间必须早于结束时间")

            r = try await update([
                "studentID": s.student, "lessionID": s.lesson, "teacherID": teacher2, "subject": "英语", "trialDate": "2018-12-1",
                "trialTime": "14:05-15:00", "localtion": "机构", "state": 3, "stateInfo": "家长有事",
            ])
            XCTAssertEqual(r.0, 0)
            let list = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
            let item = list.data?[0]
            XCTAssertEqual(item?["lessionID"]?.intValue, s.lesson)
            XCTAssertEqual(item?["teacher"]?.stringValue, "王老师")
            XCTAssertEqual(item?["trialDate"]?.stringValue, "2018-12-01")
            XCTAssertEqual(item?["trialTime"]?.stringValue, "14:05-15:00")
            XCTAssertEqual(item?["state"]?.intValue, 3)
            XCTAssertEqual(item?["stateInfo"]?.stringValue, "家长有事")
            r = try await update(["lessionID": 0, "stateInfo": ""])
            XCTAssertEqual(r.0, 0)
            let cleared = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
            XCTAssertEqual(cleared.data?[0]?["lessionID"]?.intValue, 0)
            XCTAssertEqual(cleared.data?[0]?["stateInfo"]?.stringValue, "")
            // A deleted teacher still shows, and an unchanged reference to it is accepted.
            try await h.sql.raw("UPDATE tutoring_teacher SET deleted_at = 1 WHERE id = \(bind: teacher2)").run()
            r = try await update(["teacherID": teacher2, "subject": "物理"])
            XCTAssertEqual(r.0, 0)
            let shown = try await h.get("/admin/appoint/list", token: s.me.token, query: ["studentID": s.student])
            XCTAssertEqual(shown.data?[0]?["teacher"]?.stringValue, "王老师")
            r = try await update(["teacherID": s.teacher])
            XCTAssertEqual(r.0, 0)
            r = try await update(["teacherID": teacher2])
            XCTAssertEqual(r.0, 404)
        }
    }

    func testConcurrentDealsNeverOverConsume() async throws {
        try await TutoringHarness.run { h in
            let s = try await Self.scene(h, allClass: 3)
            var ids: [Int] = []
            for _ in 0..<6 { ids.append(try await Self.add(h, s, lesson: s.lesson)) }
            let token = s.me.token
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for id in ids {
                    group.addTask { try await h.put("/admin/appoint/update", token: token, json: ["appointID": id, "state": 2]).code }
                }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 3)
            XCTAssertEqual(codes.filter { $0 == 409 }.count, 3)
            do { let value = try await h.intValue("consumed_class", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 3) }
            do { let value = try await h.intValue("state", of: "tutoring_lesson", id: s.lesson); XCTAssertEqual(value, 3) }
        }
    }
}
