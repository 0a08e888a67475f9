import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/order/...` (back office H1–H3, decision 23).
final class AdminOrderTests: XCTestCase {
    func testListAndDetailShowTheHistoryWithItsOperators() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.student("student01", name: "张三")
            try await env.sql.raw("UPDATE summer_student_info SET wx_name = 'yirantai' WHERE user_id = \(bind: student.id)").run()
            try await env.sql.raw("UPDATE summer_user SET name = '管理员' WHERE id = \(bind: admin.id)").run()
            let project = try await env.exampleProject()
            let first = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            let cancel = try await client.call(.put, "/order/\(first)/cancel/", ticket: admin.ticket)
            XCTAssertEqual(cancel.code, 0)
            let second = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)

            let list = try await client.call(.get, "/admin/order/", ticket: admin.ticket)
            XCTAssertEqual(list.code, 0, list.bodyText)
            let results = try XCTUnwrap(list.data?["results"]?.arrayValue)
            XCTAssertEqual(results.compactMap { $0["id"]?.intValue }, [first, second])  // ascending id
            let history = try XCTUnwrap(results[0]["operation_history"]?.arrayValue)
            XCTAssertEqual(history.count, 2)
            XCTAssertEqual(history[0]["operator"], .object([
                "id": .int(Int64(student.id)), "name": .string("yirantai"), "role": choiceJSON("STUDENT", "学生")]))
            XCTAssertEqual(history[0]["remark"]?.stringValue, "创建了订单")
            XCTAssertEqual(history[0]["source"]?.intValue, first)
            XCTAssertEqual(Set(history[0].objectValue?.keys.map { $0 } ?? []), ["id", "operator", "create_time", "source", "remark"])
            XCTAssertEqual(history[1]["operator"]?["name"]?.stringValue, "管理员")
            XCTAssertEqual(history[1]["operator"]?["role"], choiceJSON("ADMIN", "管理员"))
            XCTAssertEqual(history[1]["remark"]?.stringValue, "取消了订单")
            XCTAssertEqual(results[1]["user"]?.stringValue, "张三")
            XCTAssertEqual(results[1]["charts"]?.arrayValue?.count, 1)

            let detail = try await client.call(.get, "/admin/order/\(second)/", ticket: admin.ticket)
            XCTAssertEqual(detail.code, 0)
            XCTAssertEqual(detail.data?["operation_history"]?.arrayValue?.count, 1)
            for path in ["/admin/order/99999/", "/admin/order/abc/"] {
                let missing = try await client.call(.get, path, ticket: admin.ticket)
                XCTAssertEqual(missing.code, 404, path)
                XCTAssertEqual(missing.msg, "请求失败")
            }
            let market = try await env.account("market001", role: .market)
            let forbidden = try await client.call(.get, "/admin/order/", ticket: market.ticket)
            XCTAssertEqual(forbidden.code, 403)
            let studentTry = try await client.call(.get, "/admin/order/", ticket: student.ticket)
            XCTAssertEqual(studentTry.code, 403)
            for (method, path) in [(HTTPRequest.Method.put, "/admin/order/\(second)/"), (.post, "/admin/order/"),
                                   (.patch, "/admin/order/\(second)/"), (.delete, "/admin/order/\(second)/"),
                                   (.get, "/admin/order/\(second)/confirm/")] {
                let r = try await client.call(method, path, ticket: admin.ticket)
                XCTAssertEqual(r.code, 405, "\(method) \(path)")
            }
        }
    }

    func testListFilters() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let zhang = try await env.student("zhangsan01", name: "张三")
            let li = try await env.student("lisi_100%", name: "李四")
            let p1 = try await env.exampleProject()
            let p2 = try await env.exampleProject()
            // 2024-03-01 23:30 in UTC+8 is 15:30 UTC; 2024-03-02 00:30 in UTC+8 is 2024-03-01 16:30 UTC.
            let march1Late = SummerTime.parseDateTime("2024-03-01T23:30:00+08:00")!
            let march2Early = SummerTime.parseDateTime("2024-03-02T00:30:00+08:00")!
            let a = try await env.makeOrder(userID: zhang.id, chartIDs: [try await env.makeChart(userID: zhang.id, projectID: p1)],
                                            status: "CANCELED", createTime: march1Late)
            let b = try await env.makeOrder(userID: zhang.id, chartIDs: [try await env.makeChart(userID: zhang.id, projectID: p2)],
                                            status: "TO_PAY", createTime: march2Early)
            let c = try await env.makeOrder(userID: li.id, chartIDs: [
                try await env.makeChart(userID: li.id, projectID: p1), try await env.makeChart(userID: li.id, projectID: p2, courseNum: 2),
            ], status: "TO_CONFIRM", createTime: march2Early + SummerTestEnv.day)

            func ids(_ query: String) async throws -> [Int] {
                let r = try await client.call(.get, "/admin/order/?" + query, ticket: admin.ticket)
                XCTAssertEqual(r.code, 0, "\(query) \(r.bodyText)")
                return r.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            let expectations: [(String, [Int])] = [
                ("", [a, b, c]), ("status=TO_PAY", [b]), ("user=\(li.id)", [c]), ("project=\(p1)", [a, c]),
                ("project=\(p2)&status=TO_CONFIRM", [c]), ("start_date=2024-03-02", [b, c]), ("end_date=2024-03-01", [a]),
                ("start_date=2024-03-02&end_date=2024-03-02", [b]), ("search=ZHANG", [a, b]), ("search=李", [c]),
                ("search=\(b)", [b]), ("search=_100%25", [c]), ("search=%25", [c]), ("search=nobody", []),
                ("search=zhang&project=\(p2)", [b]), ("currency=DOLLAR&payment=X&none_canceled_order=1", [a, b, c]),
                ("status=", [a, b, c]),
            ]
            for (query, expected) in expectations {
                let found = try await ids(query)
                XCTAssertEqual(found, expected, query)
            }
            let errors: [(String, String, String)] = [
                ("status=NOPE", "status", "“NOPE” 不是合法选项。"), ("user=abc", "user", "请填写合法的整数值。"),
                ("project=1.5", "project", "请填写合法的整数值。"),
                ("start_date=2024-02-30", "start_date", "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。"),
                ("end_date=yesterday", "end_date", "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。"),
            ]
            for (query, field, message) in errors {
                let r = try await client.call(.get, "/admin/order/?" + query, ticket: admin.ticket)
                XCTAssertEqual(r.code, 400, query)
                XCTAssertEqual(r.fieldName, field, query)
                XCTAssertEqual(r.msg, message, query)
            }
        }
    }

    func testConfirmSettlesCouponsAndRecordsTheVerdict() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            for (verdict, stored, couponAfter, remark) in [
                ("CONFIRMED", "CONFIRMED", "USED", "订单支付成功，已确认"), ("CONFIRM_FAILED", "CONFIRM_FAILED", "TO_USE", "订单支付失败，验证失败"),
                ("CONFIRMED_FAILED", "CONFIRM_FAILED", "TO_USE", "订单支付失败，验证失败"),
            ] {
                let coupon = try await env.makeCoupon(amount: 1_000)
                try await env.giveCoupon(coupon, to: student.id)
                let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project, coupons: [coupon])

                let early = try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: admin.ticket, json: ["status": verdict])
                XCTAssertEqual(early.code, 400)
                XCTAssertEqual(early.fieldName, "")
                XCTAssertEqual(early.msg, "仅能操作待确认状态下的订单")

                let upload = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID))
                XCTAssertEqual(upload.code, 0, upload.bodyText)
                for bad in [["status": "PAID"], ["status": ["key": "CONFIRMED"]], [:]] as [[String: Any]] {
                    let r = try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: admin.ticket, json: bad)
                    XCTAssertEqual(r.code, 400)
                    XCTAssertEqual(r.msg, "请传入正确的status参数")
                }
                let list = try await client.execute(uri: "/admin/order/\(orderID)/confirm/", method: .put,
                                                    headers: [.cookie: "ticket=\(admin.ticket)", .contentType: "application/json"],
                                                    body: ByteBuffer(string: "[\"CONFIRMED\"]"))
                XCTAssertEqual(list.msg, "请传入正确的status参数")

                let r = try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: admin.ticket, form: "status=\(verdict)")
                XCTAssertEqual(r.code, 0, r.bodyText)
                XCTAssertEqual(r.data?["status"]?["key"]?.stringValue, stored)
                XCTAssertEqual(r.data?["operation_history"]?.arrayValue?.last?["remark"]?.stringValue, remark)
                XCTAssertEqual(r.data?["operation_history"]?.arrayValue?.last?["operator"]?["id"]?.intValue, admin.id)
                XCTAssertEqual(r.data?["order_payed_info"]?["order"]?.intValue, orderID)
                let couponStatus = try await env.couponStatus(user: student.id, coupon: coupon)
                XCTAssertEqual(couponStatus, couponAfter)
                let history = try await env.history(order: orderID)
                XCTAssertEqual(history.map(\.2), ["创建了订单", "上传了订单支付信息", remark])

                // Final: neither a second verdict, a cancel nor a new proof.
                let again = try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: admin.ticket, json: ["status": "CONFIRMED"])
                XCTAssertEqual(again.msg, "仅能操作待确认状态下的订单")
                let cancel = try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket)
                XCTAssertEqual(cancel.msg, "无法取消该订单")
                let proof = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID))
                XCTAssertEqual(proof.code, 400)
            }
            let missing = try await client.call(.put, "/admin/order/99999/confirm/", ticket: admin.ticket, json: ["status": "PAID"])
            XCTAssertEqual(missing.code, 404)
        }
    }
}
