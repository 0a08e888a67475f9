import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// The order lists run the same number of queries for one order as for a full page of orders with several
/// cart items, projects, proofs, consultants and history rows each (no query per row).
final class OrderBoundedQueriesTests: XCTestCase {
    private static func queries(_ client: any TestClientProtocol, _ path: String, ticket: String) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await client.call(.get, path, ticket: ticket) }
        XCTAssertTrue(response.code == 0, "\(path): \(response.bodyText)")
        return counter.count
    }

    /// A student with a consultant, a TO_CONFIRM order over two items of two projects, a payment proof and
    /// course selections, plus one NEW cart item.
    private static func addStudent(_ env: SummerTestEnv, _ client: any TestClientProtocol, n: Int) async throws -> (id: Int, ticket: String) {
        let student = try await env.student("student\(n)x", name: "学生\(n)")
        struct ID: Decodable { let id: Int }
        let salesMan = try await env.sql.raw("""
            INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('顾问', 'w', 'e@x.com', '') RETURNING id
            """).first(decoding: ID.self)!.id
        try await env.sql.raw("""
            INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) VALUES (\(bind: student.id), \(bind: salesMan), 'NEW', 0)
            """).run()
        let p1 = try await env.exampleProject()
        let p2 = try await env.exampleProject()
        let charts = [try await env.makeChart(userID: student.id, projectID: p1), try await env.makeChart(userID: student.id, projectID: p2, courseNum: 2)]
        let order = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: charts))
        let orderID = try XCTUnwrap(order.data?["id"]?.intValue)
        let proof = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID))
        XCTAssertEqual(proof.code, 0, proof.bodyText)
        let course = try await env.makeCourse("C\(n)")
        try await env.offer(courseID: course, inProject: p1)
        try await env.makeUserCourse(userID: student.id, orderID: orderID, projectID: p1, courseID: course)
        try await env.makeChart(userID: student.id, projectID: p1)
        return student
    }

    func testOrderListsRunTheSameQueriesForOneOrderAndForAFullPage() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            for (index, payment) in ["BANK", "ALI_PAY"].enumerated() {
                let r = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: AccountInfoTests.body("acct\(index)", payment: payment))
                XCTAssertEqual(r.code, 0, r.bodyText)
            }
            // One student holds many orders for the student-side lists.
            let student = try await Self.addStudent(env, client, n: 0)
            func paths() -> [(String, String)] {
                [("/admin/order/", admin.ticket), ("/admin/order/?status=TO_CONFIRM&search=学生", admin.ticket),
                 ("/order/", market.ticket), ("/order/", student.ticket), ("/order/user_order_list/", student.ticket),
                 ("/order/user_order_course/", student.ticket), ("/order/shopping_chart/", student.ticket)]
            }
            var single: [Int] = []
            for (path, ticket) in paths() { single.append(try await Self.queries(client, path, ticket: ticket)) }

            for n in 1...11 { _ = try await Self.addStudent(env, client, n: n) }
            // More orders and cart items of the first student.
            try await env.sql.raw("UPDATE summer_order SET status = 'CANCELED' WHERE user_id = \(bind: student.id)").run()
            for _ in 0..<11 {
                let p = try await env.exampleProject()
                let chart = try await env.makeChart(userID: student.id, projectID: p)
                let r = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: [chart]))
                XCTAssertEqual(r.code, 0, r.bodyText)
                _ = try await client.call(.put, "/order/\(r.data?["id"]?.intValue ?? 0)/cancel/", ticket: student.ticket)
                try await env.makeChart(userID: student.id, projectID: p)
            }
            let full = try await client.call(.get, "/admin/order/", ticket: admin.ticket)
            XCTAssertEqual(full.data?["results"]?.arrayValue?.count, 10)
            for ((path, ticket), expected) in zip(paths(), single) {
                let count = try await Self.queries(client, path, ticket: ticket)
                XCTAssertEqual(count, expected, "\(path) ran \(count) queries for many rows, \(expected) for one")
                XCTAssertLessThanOrEqual(count, 12, path)
            }
        }
    }
}
