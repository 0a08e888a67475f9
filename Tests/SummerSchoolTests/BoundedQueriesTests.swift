import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// Every list runs the same number of queries for one row as for a full page (no query per row).
final class BoundedQueriesTests: XCTestCase {
    private static func queries(_ client: any TestClientProtocol, _ path: String, ticket: String) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await client.call(.get, path, ticket: ticket) }
        XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
        return counter.count
    }

    /// One more row of everything the lists show; `n` keeps unique columns unique.
    private static func addRows(_ env: SummerTestEnv, _ client: any TestClientProtocol, admin: String, student: String, n: Int) async throws {
        let payments = ["ALI_PAY", "PAY_PAL", "BANK"]
        var responses = [
            try await client.call(.post, "/coupon/coupon/", ticket: admin, json: CouponTests.valid),
            try await client.call(.post, "/admin/sales_man/", ticket: admin, json: SalesManTests.body("")),
            try await client.call(.post, "/admin/child_user/", ticket: admin, json: ChildUserTests.body(String(format: "child%04d", n))),
            try await client.call(.post, "/auth/user/score_detail/", ticket: student, json: [
                "department": "英语部", "phone": "010-2014567", "country": "中国", "post_code": "631741", "address": "北京大学"]),
        ]
        let salesMan = try XCTUnwrap(responses[1].data?["id"]?.intValue)
        responses.append(try await client.call(.post, "/market/channel/", ticket: admin, json: ChannelTests.body(salesMan: salesMan, name: "渠道\(n)")))
        if n < payments.count {
            responses.append(try await client.call(.post, "/admin/account_info/", ticket: admin, json: AccountInfoTests.body("acct\(n)", payment: payments[n])))
        }
        for response in responses { XCTAssertEqual(response.code, 0, response.bodyText) }
        try await env.sql.raw("""
            INSERT INTO summer_campus (name, info, network_course, create_time, is_active) \
            VALUES (\(bind: "校区\(n)"), 'info', \(bind: false), \(bind: Int64(1_497_483_630_000_000)), \(bind: true))
            """).run()
    }

    func testListsRunTheSameQueriesForOneRowAndForAFullPage() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.account("student01", role: .student)
            let paths: [(String, String)] = [
                ("/auth/user/", admin.ticket), ("/common/campus/", student.ticket), ("/common/navigation/", admin.ticket),
                ("/coupon/coupon/", admin.ticket), ("/market/channel/", admin.ticket), ("/admin/account_info/", admin.ticket),
                ("/admin/child_user/", admin.ticket), ("/admin/sales_man/", admin.ticket),
                ("/auth/user/score_detail/", student.ticket), ("/auth/user/\(student.id)/coupon_list/", student.ticket),
            ]
            try await Self.addRows(env, client, admin: admin.ticket, student: student.ticket, n: 0)
            var single: [Int] = []
            for (path, ticket) in paths { single.append(try await Self.queries(client, path, ticket: ticket)) }

            for n in 1...11 { try await Self.addRows(env, client, admin: admin.ticket, student: student.ticket, n: n) }
            let coupons = try await client.call(.get, "/coupon/coupon/", ticket: admin.ticket)
            XCTAssertEqual(coupons.data?["results"]?.arrayValue?.count, 10)  // a full page
            for ((path, ticket), expected) in zip(paths, single) {
                let count = try await Self.queries(client, path, ticket: ticket)
                XCTAssertEqual(count, expected, "\(path) ran \(count) queries for a full page, \(expected) for one row")
                XCTAssertGreaterThanOrEqual(count, 2, "\(path): the ticket check and the list itself are counted")
                XCTAssertLessThanOrEqual(count, 5, path)
            }
        }
    }
}
