import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `POST /source/user_course/` (S20): the ordered checks of D11 with decisions 18 and 19.
final class SelectionTests: XCTestCase {
    static let path = "/source/user_course/"

    func testSelectingInsertsOneRowPerCourse() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            let r = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([world.courses[1], world.courses[0]]))
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.msg, "选课成功")
            XCTAssertEqual(r.data, .object([:]))
            XCTAssertEqual(r.fieldName, "")

            struct Row: Decodable, Equatable {
                let user_id: Int, course_id: Int, order_id: Int, project_id: Int, score: Int, score_grade: String?
                let status: String, credit_switch_status: String, confirm_img: String?, switch_img: String?
                let reporting_time: Int64?, create_time: Int64, modified_time: Int64
            }
            let rows = try await env.sql.raw("""
                SELECT user_id, course_id, order_id, project_id, score, score_grade, status, credit_switch_status, \
                confirm_img, switch_img, reporting_time, create_time, modified_time FROM summer_user_course ORDER BY id
                """).all(decoding: Row.self)
            XCTAssertEqual(rows.map(\.course_id), [world.courses[1], world.courses[0]])
            for row in rows {
                XCTAssertEqual(row.user_id, world.student)
                XCTAssertEqual(row.order_id, world.order)
                XCTAssertEqual(row.project_id, world.project)
                XCTAssertEqual(row.score, 0)
                XCTAssertNil(row.score_grade)
                XCTAssertEqual(row.status, "TO_UPLOAD")
                XCTAssertEqual(row.credit_switch_status, "PRE_POSTED")
                XCTAssertNil(row.confirm_img)
                XCTAssertNil(row.switch_img)
                XCTAssertNil(row.reporting_time)
                XCTAssertEqual(row.create_time, row.modified_time)
            }
        }
    }

    func testFormBodyWithRepeatedCourseIDs() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            let form = "order=\(world.order)&chart_id=\(world.chart)&course_ids=\(world.courses[0])&course_ids=\(world.courses[2])"
            let r = try await client.call(.post, Self.path, ticket: world.ticket, form: form)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 2)

            let empty = try await client.call(.post, Self.path, ticket: world.ticket, form: "order=\(world.order)&chart_id=\(world.chart)")
            XCTAssertEqual(empty.code, 400)
            XCTAssertEqual(empty.fieldName, "course_ids")
            XCTAssertEqual(empty.msg, "列表字段不能为空值。")
        }
    }

    func testFieldErrorsInFieldOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            let other = try await world.classmate(env, username: "student02")
            let c = world.courses[0]
            let cases: [([String: Any], String, String)] = [
                (["chart_id": "x", "course_ids": "x"], "order", "该字段是必填项。"),
                (["order": NSNull(), "chart_id": world.chart, "course_ids": [c]], "order", "该字段不能为 null。"),
                (["order": "abc", "chart_id": world.chart, "course_ids": [c]], "order", "类型错误。期望为主键，得到的类型为 str。"),
                (["order": [1], "chart_id": world.chart, "course_ids": [c]], "order", "类型错误。期望为主键，得到的类型为 list。"),
                (["order": 999, "chart_id": world.chart, "course_ids": [c]], "order", "无效主键 “999” － 对象不存在。"),
                // Another student's order reads exactly like a missing one (D11).
                (["order": other.order, "chart_id": world.chart, "course_ids": [c]], "order", "无效主键 “\(other.order)” － 对象不存在。"),
                (["order": world.order, "course_ids": [c]], "chart_id", "该字段是必填项。"),
                (["order": world.order, "chart_id": "two", "course_ids": [c]], "chart_id", "请填写合法的整数值。"),
                (["order": world.order, "chart_id": 1.5, "course_ids": [c]], "chart_id", "请填写合法的整数值。"),
                (["order": world.order, "chart_id": world.chart], "course_ids", "该字段是必填项。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": NSNull()], "course_ids", "该字段不能为 null。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": []], "course_ids", "列表字段不能为空值。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": "\(c)"], "course_ids", "期望为一个包含物件的列表，得到的类型是“str”。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": ["id": c]], "course_ids", "期望为一个包含物件的列表，得到的类型是“dict”。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": [c, "x"]], "course_ids", "请填写合法的整数值。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": [[c]]], "course_ids", "请填写合法的整数值。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": [NSNull()]], "course_ids", "该字段不能为 null。"),
                (["order": world.order, "chart_id": world.chart, "course_ids": [3_000_000_000]], "course_ids", "请确保该值小于或者等于 2147483647。"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, Self.path, ticket: world.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body): \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 0)
        }
    }

    /// Decision 19: one message for every status but CONFIRMED.
    func testOrderMustBeConfirmed() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            for status in ["TO_PAY", "TO_CONFIRM", "CANCELED", "CONFIRM_FAILED"] {
                try await env.sql.raw("UPDATE summer_order SET status = \(bind: status) WHERE id = \(bind: world.order)").run()
                let r = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([world.courses[0]]))
                XCTAssertEqual(r.code, 400, status)
                XCTAssertEqual(r.fieldName, "non_field_errors", status)
                XCTAssertEqual(r.msg, "订单未确认支付，不能选课", status)
            }
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 0)
        }
    }

    func testCartItemMustBeTheCallersAndInTheOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            let other = try await world.classmate(env, username: "student02")
            // The caller's own cart item outside this order.
            let loose = try await env.makeChart(userID: world.student, projectID: world.project)
            for chart in [loose, other.chart, 999] {
                var body = world.selectBody([world.courses[0]])
                body["chart_id"] = chart
                let r = try await client.call(.post, Self.path, ticket: world.ticket, json: body)
                XCTAssertEqual(r.code, 400)
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, "chart_id：\(chart) 传入有误")
            }
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 0)
        }
    }

    func testEachCourseMustBeActiveOfferedAndNotRepeated() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 3)
            let inactive = try await env.makeCourse("OFF-1", active: false)
            try await env.offer(courseID: inactive, inProject: world.project)
            let elsewhere = try await env.makeCourse("ELSE-1")
            let otherProject = try await env.makeProject(campusID: world.campus, name: "另一个项目")
            try await env.offer(courseID: elsewhere, inProject: otherProject)
            let (a, b) = (world.courses[0], world.courses[1])
            let cases: [([Int], Int)] = [
                ([a, 999, inactive], 999),
                ([a, inactive], inactive),
                ([elsewhere, a], elsewhere),
                ([a, b, a], a),
                ([b, a, 999], 999),
            ]
            for (courses, failing) in cases {
                let r = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody(courses))
                XCTAssertEqual(r.code, 400, "\(courses)")
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, "课程id：\(failing) 传入有误", "\(courses)")
            }
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 0)
        }
    }

    func testRemainingCountThenDuplicates() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 2)
            let (a, b, c) = (world.courses[0], world.courses[1], world.courses[2])
            let tooMany = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([a, b, c]))
            XCTAssertEqual(tooMany.msg, "当前剩余可选课程为：2门，传入了3门课程")
            XCTAssertEqual(tooMany.fieldName, "non_field_errors")

            let first = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([a]))
            XCTAssertEqual(first.code, 0, first.bodyText)
            let again = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([a]))
            XCTAssertEqual(again.code, 400)
            XCTAssertEqual(again.fieldName, "non_field_errors")
            XCTAssertEqual(again.msg, "该项目已选有当前课程，请重新选择")
            let over = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([b, c]))
            XCTAssertEqual(over.msg, "当前剩余可选课程为：1门，传入了2门课程")

            // An admin-assigned row under the order counts like the student's own.
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: b)
            let full = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([c]))
            XCTAssertEqual(full.msg, "当前剩余可选课程为：0门，传入了1门课程")
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 2)
        }
    }

    /// Decision 18: seats are counted per (project, course) over every student's selections.
    func testCapacityPerOffering() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 2, maxNum: 1)
            let (a, b) = (world.courses[0], world.courses[1])
            let classmate = try await world.classmate(env, username: "student02")
            let taken = try await client.call(.post, Self.path, ticket: classmate.ticket, json: classmate.selectBody([b]))
            XCTAssertEqual(taken.code, 0, taken.bodyText)

            let r = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([a, b]))
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.fieldName, "non_field_errors")
            XCTAssertEqual(r.msg, "课程id：\(b) 名额已满")
            var count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 1, "a refused selection inserts none of its courses")

            // The same course in another project is another offering with its own seats.
            let otherProject = try await env.makeProject(campusID: world.campus, name: "另一个项目")
            try await env.offer(courseID: b, inProject: otherProject)
            let otherChart = try await env.makeChart(userID: world.student, projectID: otherProject, courseNum: 1)
            let otherOrder = try await env.makeOrder(userID: world.student, chartIDs: [otherChart], status: "CONFIRMED")
            let elsewhere = try await client.call(.post, Self.path, ticket: world.ticket, json: [
                "order": otherOrder, "chart_id": otherChart, "course_ids": [b]])
            XCTAssertEqual(elsewhere.code, 0, elsewhere.bodyText)

            // max_num 0: never selectable.
            try await env.sql.raw("UPDATE summer_course SET max_num = 0 WHERE id = \(bind: a)").run()
            let closed = try await client.call(.post, Self.path, ticket: world.ticket, json: world.selectBody([a]))
            XCTAssertEqual(closed.msg, "课程id：\(a) 名额已满")
            count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 2)
        }
    }

    func testAnotherStudentsCartItemAndOrderAreInvisible() async throws {
        try await SummerTestEnv.run { env, client in
            let owner = try await SelectionWorld.make(env)
            let intruder = try await owner.classmate(env, username: "student02")
            // The intruder names the owner's order and cart item.
            let r = try await client.call(.post, Self.path, ticket: intruder.ticket, json: owner.selectBody([owner.courses[0]]))
            XCTAssertEqual(r.code, 400)
            XCTAssertEqual(r.fieldName, "order")
            XCTAssertEqual(r.msg, "无效主键 “\(owner.order)” － 对象不存在。")
            // The intruder's own order with the owner's cart item.
            let mixed = try await client.call(.post, Self.path, ticket: intruder.ticket, json: [
                "order": intruder.order, "chart_id": owner.chart, "course_ids": [owner.courses[0]]])
            XCTAssertEqual(mixed.msg, "chart_id：\(owner.chart) 传入有误")
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 0)
        }
    }

    func testLoginAndMethods() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            let anonymous = try await client.call(.post, Self.path, json: world.selectBody([world.courses[0]]))
            XCTAssertEqual(anonymous.code, 401)
            for method: HTTPRequest.Method in [.put, .patch, .delete] {
                let r = try await client.call(method, Self.path, ticket: world.ticket)
                XCTAssertEqual(r.code, 405, "\(method)")
                XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
            for path in ["/source/user_course/my_scores/", "/source/user_course/current_courses_info/"] {
                let r = try await client.call(.post, path, ticket: world.ticket, json: [:])
                XCTAssertEqual(r.code, 405, path)
            }
            let unrouted = try await client.call(.get, "/source/user_course/1/", ticket: world.ticket)
            XCTAssertEqual(unrouted.code, 404)
            // Without the trailing slash (decision 1).
            let slashless = try await client.call(.post, "/source/user_course", ticket: world.ticket, json: world.selectBody([world.courses[0]]))
            XCTAssertEqual(slashless.code, 0, slashless.bodyText)
        }
    }

    /// The shared capacity rule the admin assignment uses too.
    func testOfferingCapacityFunction() async throws {
        try await SummerTestEnv.run { env, _ in
            let world = try await SelectionWorld.make(env, maxNum: 2)
            let (a, b) = (world.courses[0], world.courses[1])
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: a)
            try await env.database.transaction { sql in
                let maxNum = try await OfferingCapacity.lockCourses([b, a, 999], on: sql)
                XCTAssertEqual(maxNum, [a: 2, b: 2])
                try await OfferingCapacity.ensureSeats(projectID: world.project, courseIDs: [a, b], maxNum: maxNum, on: sql)
            }
            let classmate = try await world.classmate(env, username: "student02")
            try await env.makeUserCourse(userID: classmate.student, orderID: classmate.order, projectID: world.project, courseID: a)
            do {
                try await env.database.transaction { sql in
                    try await OfferingCapacity.reserve(projectID: world.project, courseIDs: [b, a], on: sql)
                }
                XCTFail("the second seat of a course with max_num 2 is the last")
            } catch let error as AppError {
                XCTAssertEqual(error, AppError(code: 400, msg: "课程id：\(a) 名额已满", fieldName: "non_field_errors"))
            }
        }
    }
}
