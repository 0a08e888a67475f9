import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// The whole money path over HTTP, as the two clients drive it: an admin builds the catalogue, a student orders
/// and uploads payment proof, the admin confirms it, the student chooses courses and uploads the course-review
/// proof, staff confirm the course and enter a score, and the student sees it — with the statistics following.
final class FullFlowTests: XCTestCase {
    func testStudentFromCatalogueToScore() async throws {
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: SelectionTestData.mediaRoot())) { env, client in
            let admin = try await env.account("AdminUser", role: .admin)
            let staff = try await env.account("product01", role: .product)
            let student = try await env.account("student01", role: .student)

            func ok(_ r: TestResponse, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
                XCTAssertEqual(r.code, 0, "\(what): \(r.bodyText)", file: file, line: line)
                return try XCTUnwrap(r.data, what, file: file, line: line)
            }
            func overview() async throws -> JSONValue {
                try ok(try await client.call(.get, "/admin/statistics/students_overview/", ticket: staff.ticket), "overview")
            }

            // The admin builds the catalogue.
            let campus = try ok(try await client.call(.post, "/source/campus/", ticket: admin.ticket,
                                                      json: ["name": "杭州校区", "info": "夏校"]), "campus")["id"]!.intValue!
            let project = try ok(try await client.call(.post, "/source/project/", ticket: admin.ticket, json: [
                "campus": campus, "name": "2026 夏校", "start_date": "2026-07-01", "end_date": "2026-07-28",
                "address": "杭州", "info": "4周", "apply_fee": 2000, "course_num": 2,
                "project_fees": [["course_number": 1, "course_fee": 23120], ["course_number": 2, "course_fee": "40000.50"]],
            ]), "project")["id"]!.intValue!
            let course = try ok(try await client.call(.post, "/source/course/", ticket: admin.ticket, json: [
                "course_code": "ART 12", "name": "Western Art", "max_num": 30, "credit": 4]), "course")["id"]!.intValue!
            _ = try ok(try await client.call(.post, "/source/course_project/", ticket: admin.ticket, json: [
                "course": course, "project": project, "professor": "Smith", "start_time": "2026-07-02",
                "end_time": "2026-07-20", "address": "Room 1"]), "course_project")

            // The student browses, fills the cart and orders.
            let listed = try ok(try await client.call(.get, "/source/campus/\(campus)/all_projects/", ticket: student.ticket), "all_projects")
            XCTAssertTrue("\(listed)".contains("2026 夏校"))
            let address = try ok(try await client.call(.post, "/auth/user/score_detail/", ticket: student.ticket, json: [
                "department": "材料学院", "phone": "18608146540", "country": "美国", "post_code": "021878",
                "address": "纽约市"]), "score_detail")["id"]!.intValue!
            let chart = try ok(try await client.call(.post, "/order/shopping_chart/", ticket: student.ticket, json: [
                "project": project, "course_num": 1, "stu_score_detail": address]), "cart")["id"]!.intValue!
            let order = try ok(try await client.call(.post, "/order/", ticket: student.ticket, json: [
                "chart_ids": [chart], "currency": "RMB", "payment": "BANK"]), "order")
            let orderID = try XCTUnwrap(order["id"]?.intValue)
            XCTAssertEqual(order["standard_fee"]?.cents, 2_512_000)  // 23,120 course fee + 2,000 application fee
            XCTAssertEqual(order["pay_fee"]?.cents, 2_512_000)
            var figures = try await overview()
            XCTAssertEqual(figures["students_applyed"]?.intValue, 1)
            XCTAssertEqual(figures["students_payed"]?.intValue, 0)

            // Selecting courses before the payment is confirmed is refused (decision 19).
            let early = try await client.call(.post, "/source/user_course/", ticket: student.ticket, json: [
                "order": orderID, "chart_id": chart, "course_ids": [course]])
            XCTAssertEqual(early.code, 400)
            XCTAssertEqual(early.msg, "订单未确认支付，不能选课")

            // Payment proof, then the admin's confirmation.
            _ = try ok(try await client.call(.post, "/order/order_payment/", ticket: student.ticket,
                                             json: OrderRequests.paymentBody(order: orderID)), "payment")
            let confirmed = try ok(try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: admin.ticket,
                                                         json: ["status": "CONFIRMED"]), "confirm")
            XCTAssertEqual(confirmed["status"]?["key"]?.stringValue, "CONFIRMED")
            XCTAssertEqual(confirmed["operation_history"]?.arrayValue?.compactMap { $0["remark"]?.stringValue },
                           ["创建了订单", "上传了订单支付信息", "订单支付成功，已确认"])
            figures = try await overview()
            XCTAssertEqual(figures["students_payed"]?.intValue, 1)

            // The student chooses the course and uploads the course-review proof.
            let selected = try await client.call(.post, "/source/user_course/", ticket: student.ticket, json: [
                "order": orderID, "chart_id": chart, "course_ids": [course]])
            XCTAssertEqual(selected.code, 0, selected.bodyText)
            let review = try await client.call(.put, "/source/user_course/student_confirm_course/", ticket: student.ticket, json: [
                "order": orderID, "chart_id": chart, "course": course,
                "confirm_img": "data:image/png;base64," + OrderRequests.png])
            XCTAssertEqual(review.code, 0, review.bodyText)
            let waiting = try ok(try await client.call(.get, "/admin/course/course_to_confirm_count/", ticket: staff.ticket), "count")
            XCTAssertTrue("\(waiting)".contains("1"), "\(waiting)")

            // Staff pass the review and enter the score; the student sees it.
            _ = try ok(try await client.call(.put, "/admin/user_course/confirm_course/", ticket: staff.ticket, json: [
                "user": student.id, "course": course, "order": orderID, "status": "PASS"]), "confirm_course")
            _ = try ok(try await client.call(.put, "/admin/user_course/add_score/", ticket: staff.ticket, json: [
                "user": student.id, "course": course, "order": orderID, "score": 91, "score_grade": "A"]), "add_score")
            let scores = try ok(try await client.call(.get, "/source/user_course/my_scores/", ticket: student.ticket), "my_scores")
            let mine = try XCTUnwrap(scores.arrayValue?.first)
            XCTAssertEqual(mine["score"]?.intValue, 91)
            XCTAssertEqual(mine["score_grade"]?.stringValue, "A")
            XCTAssertEqual(mine["course"]?["id"]?.intValue, course)

            // Another student sees none of it.
            let other = try await env.account("student02", role: .student)
            let foreign = try await client.call(.get, "/order/\(orderID)/", ticket: other.ticket)
            XCTAssertEqual(foreign.code, 404)
            let none = try ok(try await client.call(.get, "/source/user_course/my_scores/", ticket: other.ticket), "other scores")
            XCTAssertEqual(none.arrayValue?.count, 0)
        }
    }
}
