import RegistrarCore
import RegistrarTesting
import XCTest

final class LessonTests: XCTestCase {
    struct World: Sendable {
        let admin: TutoringHarness.Caller
        let student: Int
        let teacher: Int
        let order: Int
        let lessons: [Int]
    }

    /// An admin, a student with one unconfirmed order of two lessons (40 classes each), and a teacher.
    static func world(_ h: TutoringHarness) async throws -> World {
        let admin = try await h.staff(role: 1)
        let student = try await h.insertStudent()
        let teacher = try await h.insertTeacher(contact: admin.id)
        let order = try await h.addOrder(token: admin.token, student: student, lessons: [
            TutoringHarness.lesson(teacher: teacher, extra: ["startDate": "2017-03-18", "endDate": "2017-07-15", "target": "拔高"]),
            TutoringHarness.lesson(teacher: teacher),
        ])
        return World(admin: admin, student: student, teacher: teacher, order: order, lessons: try await h.lessonIDs(order: order))
    }

    func testListFiltersAndPaging() async throws {
        try await TutoringHarness.run { h in
            let w = try await Self.world(h)
            let otherStudent = try await h.insertStudent(name: "李小红")
            let otherOrder = try await h.addOrder(token: w.admin.token, student: otherStudent, lessons: [TutoringHarness.lesson(teacher: w.teacher)])

            var r = try await h.get("/admin/lesson/list", token: w.admin.token)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.json["total"]?.intValue, 3)
            XCTAssertEqual(r.json["page"]?.intValue, 1)
            XCTAssertEqual(r.json["allPage"]?.intValue, 1)
            XCTAssertEqual(r.data?.arrayValue?.map { $0["orderID"]?.intValue ?? 0 }, [otherOrder, w.order, w.order])
            let first = try XCTUnwrap(r.data?[2])
            XCTAssertEqual(first["lessonID"]?.intValue, w.lessons[0])
            XCTAssertEqual(first["teacher"]?.stringValue, "李华")
            XCTAssertEqual(first["student"]?.stringValue, "王小明")
            XCTAssertEqual(first["type"]?.stringValue, "一对一")
            XCTAssertEqual(first["startDate"]?.stringValue, "2017-03-18")
            XCTAssertEqual(first["firstClassDate"]?.stringValue, "")
            XCTAssertEqual(first["target"]?.stringValue, "拔高")
            XCTAssertEqual(first["preprice"]?.intValue, 200)
            XCTAssertEqual(first.objectValue?.count, 23)

            r = try await h.get("/admin/lesson/list", token: w.admin.token, query: ["studentID": otherStudent, "orderID": "ignored"])
            XCTAssertEqual(r.json["total"]?.intValue, 1)
            r = try await h.get("/admin/lesson/list", token: w.admin.token, query: ["orderID": w.order, "num": 1, "page": 2])
            XCTAssertEqual(r.json["total"]?.intValue, 2)
            XCTAssertEqual(r.json["allPage"]?.intValue, 2)
            XCTAssertEqual(r.data?.arrayValue?.map { $0["lessonID"]?.intValue ?? 0 }, [w.lessons[0]])
            r = try await h.get("/admin/lesson/list", token: w.admin.token, query: ["orderID": w.order, "page": 5])
            XCTAssertEqual(r.data?.arrayValue?.count, 0)
            XCTAssertEqual(r.json["page"]?.intValue, 5)
            r = try await h.get("/admin/lesson/list", token: w.admin.token, query: ["studentID": "", "orderID": ""])
            XCTAssertEqual(r.json["total"]?.intValue, 3)

            checkError(try await h.get("/admin/lesson/list", token: w.admin.token, query: ["num": 101]), 400, "num", "每页的条数超出允许范围")
            checkError(try await h.get("/admin/lesson/list", token: w.admin.token, query: ["studentID": 999]), 404, "studentID", "学生不存在")
            checkError(try await h.get("/admin/lesson/list", token: w.admin.token, query: ["orderID": 999]), 404, "orderID", "订单不存在")
            checkError(try await h.get("/admin/lesson/list"), 401, "")
        }
    }

    func testInfo() async throws {
        try await TutoringHarness.run { h in
            let w = try await Self.world(h)
            let r = try await h.get("/admin/lesson/info", token: w.admin.token, query: ["lessonID": w.lessons[1]])
            XCTAssertEqual(r.data?["lessonID"]?.intValue, w.lessons[1])
            XCTAssertEqual(r.data?["studentID"]?.intValue, w.student)
            XCTAssertEqual(r.data?["endDate"]?.stringValue, "")
            XCTAssertEqual(r.data?["stateInfo"]?.stringValue, "")
            checkError(try await h.get("/admin/lesson/info", token: w.admin.token, query: ["lessonID": 999]), 404, "lessonID", "课程不存在")
            checkError(try await h.get("/admin/lesson/info", token: w.admin.token, query: ["lessonID": "x"]), 400, "lessonID", "课程ID格式不正确")
        }
    }

    func testAdd() async throws {
        try await TutoringHarness.run { h in
            let w = try await Self.world(h)
            var body: [String: Any] = [
                "orderID": w.order, "studentID": w.student, "teacherID": w.teacher, "subject": "物理", "allClass": 20,
                "weekClass": 2, "startDate": "2017-3-1", "type": "一对多", "stateInfo": "新开", "address": "家里",
            ]
            var r = try await h.post("/admin/lesson/add", token: w.admin.token, json: body)
            XCTAssertEqual(r.code, 0, r.bodyText)
            r = try await h.get("/admin/lesson/list", token: w.admin.token, query: ["orderID": w.order])
            let item = try XCTUnwrap(r.data?[0])
            XCTAssertEqual(item["subject"]?.stringValue, "物理")
            XCTAssertEqual(item["type"]?.stringValue, "一对多")
            XCTAssertEqual(item["startDate"]?.stringValue, "2017-03-01")
            XCTAssertEqual(item["preprice"]?.intValue, 200)
            XCTAssertEqual(item["state"]?.intValue, 1)
            XCTAssertEqual(item["stateInfo"]?.stringValue, "新开")

            let before = try await h.count("tutoring_lesson")
            let otherStudent = try await h.insertStudent(name: "李小红")
            let goneTeacher = try await h.insertTeacher(contact: w.admin.id)
            try await h.sql.raw("UPDATE tutoring_teacher SET deleted_at = 1 WHERE id = \(bind: goneTeacher)").run()
            let cases: [([String: Any], Int, String, String?)] = [
                (["orderID": NSNull()], 400, "orderID", "订单ID不能为空"),
                (["allClass": 0], 400, "allClass", "本次课程全部课时数超出允许范围"),
                (["subject": ""], 400, "subject", "辅导科目不能为空"),
                (["endDate": "2017-02-01"], 400, "endDate", "开始日期不能晚于结束日期"),
                (["orderID": 999, "studentID": 999], 404, "orderID", "订单不存在"),
                (["studentID": 999, "teacherID": 999], 404, "studentID", "学生不存在"),
                (["teacherID": goneTeacher], 404, "teacherID", "教师不存在"),
                (["studentID": otherStudent], 400, "studentID", "学生与订单不匹配"),
            ]
            for (extra, code, field, msg) in cases {
                var request = body
                for (key, value) in extra { request[key] = value }
                checkError(try await h.post("/admin/lesson/add", token: w.admin.token, json: request), code, field, msg)
            }
            do { let value = try await h.put("/admin/order/confirm", token: w.admin.token, json: ["orderID": w.order]); XCTAssertEqual(value.code, 0, value.bodyText) }
            checkError(try await h.post("/admin/lesson/add", token: w.admin.token, json: body), 409, "orderID", "订单已确认或已取消，不能添加课程")
            body["studentID"] = otherStudent
            checkError(try await h.post("/admin/lesson/add", token: w.admin.token, json: body), 400, "studentID")
            let after = try await h.count("tutoring_lesson")
            XCTAssertEqual(after, before)
        }
    }

    func testUpdate() async throws {
        try await TutoringHarness.run { h in
            let w = try await Self.world(h)
            let id = w.lessons[0]
            func info() async throws -> JSONValue? { try await h.get("/admin/lesson/info", token: w.admin.token, query: ["lessonID": id]).data }

            var r = try await h.put("/admin/lesson/update", token: w.admin.token, json: [
                "lessonID": id, "consumedClass": 5, "state": 2, "target": "", "endDate": "", "orderID": 77, "studentID": 77,
            ])
            XCTAssertEqual(r.code, 0, r.bodyText)
            var data = try await info()
            XCTAssertEqual(data?["consumedClass"]?.intValue, 5)
            XCTAssertEqual(data?["state"]?.intValue, 2)
            XCTAssertEqual(data?["target"]?.stringValue, "")
            XCTAssertEqual(data?["endDate"]?.stringValue, "")
            XCTAssertEqual(data?["orderID"]?.intValue, w.order)

            // Full consumption forces state 3 whatever was sent.
            r = try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "allClass": 5, "state": 1])
            XCTAssertEqual(r.code, 0, r.bodyText)
            data = try await info()
            XCTAssertEqual(data?["allClass"]?.intValue, 5)
            XCTAssertEqual(data?["state"]?.intValue, 3)
            // Raising allClass again allows another state.
            r = try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "allClass": 8, "state": 1])
            data = try await info()
            XCTAssertEqual(data?["state"]?.intValue, 1)

            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "allClass": 4]),
                       400, "allClass", "已消耗课时不能超过总课时")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "allClass": 4, "consumedClass": 6]),
                       400, "consumedClass")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "startDate": "2018-01-01", "endDate": "2017-1-1"]),
                       400, "endDate", "开始日期不能晚于结束日期")
            try await h.sql.raw("UPDATE tutoring_lesson SET end_date = '2017-07-15' WHERE id = \(bind: id)").run()
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "startDate": "2018-01-01"]),
                       400, "startDate")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "subject": " "]), 400, "subject", "辅导科目不能为空")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "state": 4]), 400, "state", "课程状态取值无效")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": 999, "teacherID": 999]), 404, "lessonID")
            checkError(try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "teacherID": 999]), 404, "teacherID", "教师不存在")

            // The stored teacher may have been deleted since: an unchanged value is accepted.
            try await h.sql.raw("UPDATE tutoring_teacher SET deleted_at = 1 WHERE id = \(bind: w.teacher)").run()
            r = try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id, "teacherID": w.teacher, "weekClass": "3"])
            XCTAssertEqual(r.code, 0, r.bodyText)
            data = try await info()
            XCTAssertEqual(data?["weekClass"]?.intValue, 3)
            XCTAssertEqual(data?["teacher"]?.stringValue, "李华")
            r = try await h.put("/admin/lesson/update", token: w.admin.token, json: ["lessonID": id])
            XCTAssertEqual(r.code, 0)
        }
    }

    func testDeleteAndPermissions() async throws {
        try await TutoringHarness.run { h in
            let w = try await Self.world(h)
            for role in 1...7 {
                let caller = try await h.staff(role: role)
                let order = try await h.addOrder(token: caller.token, student: w.student, lessons: [TutoringHarness.lesson(teacher: w.teacher)])
                let lesson = try await h.lessonIDs(order: order)[0]
                let r = try await h.delete("/admin/lesson/delete", token: caller.token, query: ["lessonID": lesson])
                if [1, 2, 3, 5].contains(role) { XCTAssertEqual(r.code, 0, "role \(role)") } else { checkError(r, 403, "", "没有权限") }
                for path in ["/admin/lesson/list", "/admin/lesson/info"] {
                    let response = try await h.get(path, token: caller.token, query: ["lessonID": w.lessons[0]])
                    XCTAssertEqual(response.code, 0)
                }
                let update = try await h.put("/admin/lesson/update", token: caller.token, json: ["lessonID": w.lessons[0], "program": "方案\(role)"])
                XCTAssertEqual(update.code, 0)
            }
            checkError(try await h.delete("/admin/lesson/delete", token: w.admin.token, query: ["lessonID": 999]), 404, "lessonID", "课程不存在")
            do { let value = try await h.put("/admin/order/confirm", token: w.admin.token, json: ["orderID": w.order]); XCTAssertEqual(value.code, 0, value.bodyText) }
            checkError(try await h.delete("/admin/lesson/delete", token: w.admin.token, json: ["lessonID": w.lessons[0]]), 409, "lessonID", "订单已确认，不能删除课程")
            let live = try await h.count("tutoring_lesson", where: "order_id = \(w.order) AND deleted_at IS NULL")
            XCTAssertEqual(live, 2)
        }
    }
}
