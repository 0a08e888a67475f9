import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Racing requests (D7, DV-17): exactly one of them changes an order, a coupon or a cart item.
final class OrderConcurrencyTests: XCTestCase {
    /// One student creating orders at once, all with the same coupon: one order, the coupon locked once.
    func testSimultaneousCreationsLeaveOneOpenOrderAndSpendTheCouponOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let admin = try await env.account("admin0001", role: .admin)
            let coupon = try await env.makeCoupon(amount: 50_000)
            try await env.giveCoupon(coupon, to: student.id)
            var requests: [@Sendable () async throws -> TestResponse] = []
            for index in 0..<6 {
                let chart = try await env.makeChart(userID: student.id, projectID: try await env.exampleProject())
                // Half of them by an admin on the student's behalf.
                if index % 2 == 0 {
                    requests.append { try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: [chart], coupons: [coupon])) }
                } else {
                    requests.append { try await client.call(.post, "/order/?user=\(student.id)", ticket: admin.ticket, json: OrderRequests.createBody(charts: [chart], coupons: [coupon])) }
                }
            }
            let responses = try await OrderRequests.together(requests)
            XCTAssertEqual(responses.filter { $0.code == 0 }.count, 1, responses.map(\.bodyText).joined(separator: "\n"))
            XCTAssertTrue(responses.allSatisfy { $0.code == 0 || $0.code == 400 }, responses.map(\.bodyText).joined(separator: "\n"))
            let orders = try await env.count("summer_order")
            XCTAssertEqual(orders, 1)
            let links = try await env.count("summer_order_coupon")
            XCTAssertEqual(links, 1)
            let status = try await env.couponStatus(user: student.id, coupon: coupon)
            XCTAssertEqual(status, "LOCKED")
            let consumed = try await env.count("summer_shopping_chart", where: "status = 'ORDERED'")
            XCTAssertEqual(consumed, 1)
            let history = try await env.count("summer_order_operate_history")
            XCTAssertEqual(history, 1)
        }
    }

    /// Cancel and cancel, cancel and payment upload: one wins, the others report the status they find.
    func testDoubleCancelCancelsOnceAndRacesWithPayment() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let admin = try await env.account("admin0001", role: .admin)
            let project = try await env.exampleProject()
            let coupon = try await env.makeCoupon(amount: 1_000)
            try await env.giveCoupon(coupon, to: student.id)
            for round in 0..<3 {
                let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project,
                                                         coupons: round == 0 ? [coupon] : [])
                let responses = try await OrderRequests.together([
                    { try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket) },
                    { try await client.call(.put, "/order/\(orderID)/cancel/", ticket: admin.ticket) },
                    { try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket) },
                ])
                XCTAssertEqual(responses.filter { $0.code == 0 }.count, 1)
                XCTAssertEqual(responses.filter { $0.msg == "订单已被取消" }.count, 2, responses.map(\.bodyText).joined())
                let cancels = try await env.count("summer_order_operate_history", where: "source_id = \(orderID) AND remark = '取消了订单'")
                XCTAssertEqual(cancels, 1)
            }
            let released = try await env.couponStatus(user: student.id, coupon: coupon)
            XCTAssertEqual(released, "TO_USE")

            for _ in 0..<3 {
                let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)
                let responses = try await OrderRequests.together([
                    { try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket) },
                    { try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID)) },
                    { try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID)) },
                ])
                XCTAssertEqual(responses.filter { $0.code == 0 }.count, 1, responses.map(\.bodyText).joined(separator: "\n"))
                XCTAssertTrue(responses.allSatisfy { $0.code == 0 || $0.code == 400 })
                let status = try await env.orderStatus(orderID)
                let proofs = try await env.count("summer_order_payment", where: "order_id = \(orderID)")
                XCTAssertEqual(proofs, status == "TO_CONFIRM" ? 1 : 0)
                let updates = try await env.count("summer_order_operate_history", where: "source_id = \(orderID) AND key = 'UPDATE'")
                XCTAssertEqual(updates, 1)
                if status == "TO_CONFIRM" { try await env.sql.raw("UPDATE summer_order SET status = 'CANCELED' WHERE id = \(bind: orderID)").run() }
            }
        }
    }

    /// Simultaneous uploads for one order: one proof row and one file.
    func testSimultaneousUploadsStoreOneProof() async throws {
        let root = SalesManTests.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            let requests: [@Sendable () async throws -> TestResponse] = (0..<5).map { _ in
                { try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID)) }
            }
            let responses = try await OrderRequests.together(requests)
            XCTAssertEqual(responses.filter { $0.code == 0 }.count, 1)
            XCTAssertEqual(responses.filter { $0.msg == "订单已支付但未确认, 请联系管理员确认订单" }.count, 4)
            let proofs = try await env.count("summer_order_payment")
            XCTAssertEqual(proofs, 1)
            XCTAssertEqual(OrderPaymentTests.files(root).count, 1)
        }
    }

    /// Admins confirming and rejecting one payment at once: one verdict, one history row, coupons settled once.
    func testConcurrentConfirmsHaveOneWinner() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let admin1 = try await env.account("admin0001", role: .admin)
            let admin2 = try await env.account("admin0002", role: .admin)
            let project = try await env.exampleProject()
            for round in 0..<3 {
                try await env.sql.raw("UPDATE summer_order SET status = 'CANCELED'").run()
                let coupon = try await env.makeCoupon(amount: 1_000)
                try await env.giveCoupon(coupon, to: student.id)
                let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project, coupons: [coupon])
                let upload = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID))
                XCTAssertEqual(upload.code, 0, upload.bodyText)
                let verdicts = round == 1 ? ["CONFIRM_FAILED", "CONFIRMED", "CONFIRMED_FAILED", "CONFIRMED"] : ["CONFIRMED", "CONFIRM_FAILED", "CONFIRMED", "CONFIRM_FAILED"]
                let requests: [@Sendable () async throws -> TestResponse] = verdicts.enumerated().map { index, verdict in
                    { try await client.call(.put, "/admin/order/\(orderID)/confirm/", ticket: index % 2 == 0 ? admin1.ticket : admin2.ticket,
                                            json: ["status": verdict]) }
                }
                let responses = try await OrderRequests.together(requests)
                let winners = responses.filter { $0.code == 0 }
                XCTAssertEqual(winners.count, 1, responses.map(\.bodyText).joined(separator: "\n"))
                XCTAssertEqual(responses.filter { $0.msg == "仅能操作待确认状态下的订单" }.count, 3)
                let status = try await env.orderStatus(orderID)
                XCTAssertEqual(winners.first?.data?["status"]?["key"]?.stringValue, status)
                let couponStatus = try await env.couponStatus(user: student.id, coupon: coupon)
                XCTAssertEqual(couponStatus, status == "CONFIRMED" ? "USED" : "TO_USE")
                let verdictRows = try await env.count("summer_order_operate_history", where: "source_id = \(orderID) AND remark LIKE '订单支付%'")
                XCTAssertEqual(verdictRows, 1)
            }
        }
    }
}
