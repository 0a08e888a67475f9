import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// `POST /order/` (O9, D3–D7, decision 15).
final class OrderCreationTests: XCTestCase {
    func testCreateLocksCouponsConsumesItemsAndRecordsHistory() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let other = try await env.exampleProject()
            let coupon = try await env.makeCoupon(amount: 50_000)
            try await env.giveCoupon(coupon, to: student.id)
            let a = try await env.makeChart(userID: student.id, projectID: project)
            let b = try await env.makeChart(userID: student.id, projectID: other, courseNum: 3)
            let r = try await client.call(.post, "/order/", ticket: student.ticket, json: [
                "chart_ids": [b, a], "currency": ["key": "RMB"], "payment": "BANK", "coupon_list": [coupon],
                "status": "CONFIRMED", "remark": "请尽快"])
            XCTAssertEqual(r.code, 0, r.bodyText)
            let data = try XCTUnwrap(r.data)
            XCTAssertEqual(Set(data.objectValue?.keys.map { $0 } ?? []), [
                "id", "user", "currency", "payment", "create_time", "modified_time", "status", "standard_fee", "pay_fee",
                "remark", "charts", "payment_info", "order_payed_info", "sales_man"])
            XCTAssertEqual(data["status"], .object(["key": .string("TO_PAY"), "verbose": .string("待支付")]))  // D4
            XCTAssertEqual(data["user"]?.stringValue, "张三")
            XCTAssertEqual(data["remark"]?.stringValue, "请尽快")
            XCTAssertEqual(data["charts"]?.arrayValue?.compactMap { $0["id"]?.intValue }, [a, b])
            XCTAssertEqual(data["order_payed_info"], .null)
            let orderID = try XCTUnwrap(data["id"]?.intValue)

            let couponStatus = try await env.couponStatus(user: student.id, coupon: coupon)
            XCTAssertEqual(couponStatus, "LOCKED")
            for chart in [a, b] {
                let status = try await env.chartStatus(chart)
                XCTAssertEqual(status, "ORDERED")
            }
            let history = try await env.history(order: orderID)
            XCTAssertEqual(history.map { "\($0.0) \($0.1) \($0.2)" }, ["\(student.id) CREATE 创建了订单"])
            let links = try await env.count("summer_order_coupon", where: "order_id = \(orderID) AND coupon_id = \(coupon)")
            XCTAssertEqual(links, 1)

            // The cart no longer shows the items; a second order is refused while this one is unfinished.
            let cart = try await client.call(.get, "/order/shopping_chart/", ticket: student.ticket)
            XCTAssertEqual(cart.data?["count"]?.intValue, 0)
            let c = try await env.makeChart(userID: student.id, projectID: project)
            let second = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: [c]))
            XCTAssertEqual(second.code, 400)
            XCTAssertEqual(second.fieldName, "non_field_errors")
            XCTAssertEqual(second.msg, "有未完成的订单，不能创建新的订单")
        }
    }

    func testFieldErrorsInFieldOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let chart = try await env.makeChart(userID: student.id, projectID: project)
            let cases: [([String: Any], String, String)] = [
                (["currency": "RMB", "payment": "BANK"], "chart_ids", "该字段是必填项。"),
                (["chart_ids": [], "currency": "RMB", "payment": "BANK"], "chart_ids", "列表字段不能为空值。"),
                (["chart_ids": chart, "currency": "RMB", "payment": "BANK"], "chart_ids", "期望为一个包含物件的列表，得到的类型是“int”。"),
                (["chart_ids": ["x"], "currency": "RMB", "payment": "BANK"], "chart_ids", "请填写合法的整数值。"),
                (["chart_ids": NSNull(), "currency": "RMB", "payment": "BANK"], "chart_ids", "该字段不能为 null。"),
                (["chart_ids": [chart], "payment": "BANK"], "currency", "该字段是必填项。"),
                (["chart_ids": [chart], "currency": "EUR", "payment": "BANK"], "currency", "“EUR” 不是合法选项。"),
                (["chart_ids": [chart], "currency": "RMB", "payment": "CASH"], "payment", "“CASH” 不是合法选项。"),
                (["chart_ids": [chart], "currency": "RMB", "payment": "BANK", "remark": String(repeating: "长", count: 256)],
                 "remark", "请确保这个字段不能超过 255 个字符。"),
                (["chart_ids": [chart], "currency": "RMB", "payment": "BANK", "coupon_list": [["id": 1]]], "coupon_list", "请填写合法的整数值。"),
                (["chart_ids": [chart], "currency": "RMB", "payment": "BANK", "coupon_list": "1"], "coupon_list",
                 "期望为一个包含物件的列表，得到的类型是“str”。"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/order/", ticket: student.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body) \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let orders = try await env.count("summer_order")
            XCTAssertEqual(orders, 0)
        }
    }

    func testCartItemAndCouponChecks() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let project = try await env.exampleProject()
            let project2 = try await env.exampleProject()
            let mine = try await env.makeChart(userID: student.id, projectID: project)
            let mine2 = try await env.makeChart(userID: student.id, projectID: project2)
            let sameProject = try await env.makeChart(userID: student.id, projectID: project, courseNum: 2)
            let ordered = try await env.makeChart(userID: student.id, projectID: project2, status: "ORDERED")
            let deleted = try await env.makeChart(userID: student.id, projectID: project2, status: "DELETED")
            let theirs = try await env.makeChart(userID: other.id, projectID: project2)

            let valid = try await env.makeCoupon(amount: 100)
            let inactive = try await env.makeCoupon(amount: 100, active: false)
            let expired = try await env.makeCoupon(amount: 100, start: 0, end: SummerTime.now() - SummerTestEnv.day)
            let future = try await env.makeCoupon(amount: 100, start: SummerTime.now() + SummerTestEnv.day, end: SummerTime.now() + 2 * SummerTestEnv.day)
            let locked = try await env.makeCoupon(amount: 100)
            let othersCoupon = try await env.makeCoupon(amount: 100)
            for coupon in [valid, inactive, expired, future] { try await env.giveCoupon(coupon, to: student.id) }
            try await env.giveCoupon(locked, to: student.id, status: "LOCKED")
            try await env.giveCoupon(othersCoupon, to: other.id)

            let cases: [([Int], [Int], String, String)] = [
                ([mine, theirs], [], "non_field_errors", "无效的chart_id: \(theirs)，请检查传入参数"),
                ([ordered], [], "non_field_errors", "无效的chart_id: \(ordered)，请检查传入参数"),
                ([deleted, theirs], [], "non_field_errors", "无效的chart_id: \(deleted)，请检查传入参数"),
                ([mine, mine], [], "non_field_errors", "无效的chart_id: \(mine)，请检查传入参数"),
                ([99999], [], "non_field_errors", "无效的chart_id: 99999，请检查传入参数"),
                ([mine, sameProject], [], "chart_ids", "同一项目不能重复下单"),
                ([mine, mine2], [valid, valid], "non_field_errors", "无效的优惠券, coupon_id: \(valid)"),
                ([mine], [inactive], "non_field_errors", "无效的优惠券, coupon_id: \(inactive)"),
                ([mine], [valid, expired], "non_field_errors", "无效的优惠券, coupon_id: \(expired)"),
                ([mine], [future], "non_field_errors", "无效的优惠券, coupon_id: \(future)"),
                ([mine], [locked], "non_field_errors", "无效的优惠券, coupon_id: \(locked)"),
                ([mine], [othersCoupon], "non_field_errors", "无效的优惠券, coupon_id: \(othersCoupon)"),
            ]
            for (charts, coupons, field, message) in cases {
                let r = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: charts, coupons: coupons))
                XCTAssertEqual(r.code, 400, "\(charts) \(coupons) \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, "\(charts) \(coupons)")
                XCTAssertEqual(r.msg, message, "\(charts) \(coupons)")
            }
            // Nothing changed.
            let orders = try await env.count("summer_order")
            XCTAssertEqual(orders, 0)
            let status = try await env.couponStatus(user: student.id, coupon: valid)
            XCTAssertEqual(status, "TO_USE")
            let chartStatus = try await env.chartStatus(mine)
            XCTAssertEqual(chartStatus, "NEW")
            let history = try await env.count("summer_order_operate_history")
            XCTAssertEqual(history, 0)
        }
    }

    /// D3: only an ADMIN orders for another user; the operator is the real caller.
    func testOrderingOnBehalf() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let project = try await env.exampleProject()
            let coupon = try await env.makeCoupon(amount: 1_000)
            try await env.giveCoupon(coupon, to: student.id)
            let chart = try await env.makeChart(userID: student.id, projectID: project)

            // A student naming another user acts for themself: the items are not theirs.
            let spoof = try await client.call(.post, "/order/?user=\(student.id)", ticket: other.ticket,
                                              json: OrderRequests.createBody(charts: [chart], coupons: [coupon]))
            XCTAssertEqual(spoof.msg, "无效的chart_id: \(chart)，请检查传入参数")
            let marketTry = try await client.call(.post, "/order/?user=\(student.id)", ticket: market.ticket,
                                                  json: OrderRequests.createBody(charts: [chart]))
            XCTAssertEqual(marketTry.msg, "无效的chart_id: \(chart)，请检查传入参数")
            // An unknown or non-numeric user falls back to the admin themself.
            let fallback = try await client.call(.post, "/order/?user=abc", ticket: admin.ticket, json: OrderRequests.createBody(charts: [chart]))
            XCTAssertEqual(fallback.msg, "无效的chart_id: \(chart)，请检查传入参数")

            let r = try await client.call(.post, "/order/?user=\(student.id)", ticket: admin.ticket,
                                          json: OrderRequests.createBody(charts: [chart], coupons: [coupon]))
            XCTAssertEqual(r.code, 0, r.bodyText)
            let orderID = try XCTUnwrap(r.data?["id"]?.intValue)
            struct Owner: Decodable { let user_id: Int }
            let owner = try await env.sql.raw("SELECT user_id FROM summer_order WHERE id = \(bind: orderID)").first(decoding: Owner.self)
            XCTAssertEqual(owner?.user_id, student.id)
            let history = try await env.history(order: orderID)
            XCTAssertEqual(history.first?.0, admin.id)
            let status = try await env.couponStatus(user: student.id, coupon: coupon)
            XCTAssertEqual(status, "LOCKED")
        }
    }
}
