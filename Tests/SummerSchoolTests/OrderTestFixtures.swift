import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Coupons, statuses and order requests shared by the order, cart and admin order tests.
extension SummerTestEnv {
    private struct ID: Decodable { let id: Int }
    private struct Status: Decodable { let status: String }

    static let day: Int64 = 86_400 * SummerTime.microsPerSecond

    /// A coupon of `amount` cents, valid from yesterday to tomorrow unless told otherwise.
    @discardableResult
    func makeCoupon(
        amount: Int64, active: Bool = true, start: Int64 = SummerTime.now() - SummerTestEnv.day,
        end: Int64 = SummerTime.now() + SummerTestEnv.day
    ) async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
            VALUES (\(bind: "C\(UUID().uuidString.prefix(8))"), \(bind: amount), 'x', \(bind: SummerTime.now()), \(bind: start), \
            \(bind: end), 100, \(bind: active)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    func giveCoupon(_ couponID: Int, to userID: Int, status: String = "TO_USE") async throws {
        try await sql.raw("""
            INSERT INTO summer_user_coupon (user_id, coupon_id, status) VALUES (\(bind: userID), \(bind: couponID), \(bind: status))
            """).run()
    }

    func couponStatus(user userID: Int, coupon couponID: Int) async throws -> String? {
        try await sql.raw("SELECT status FROM summer_user_coupon WHERE user_id = \(bind: userID) AND coupon_id = \(bind: couponID)")
            .first(decoding: Status.self)?.status
    }

    func orderStatus(_ id: Int) async throws -> String? {
        try await sql.raw("SELECT status FROM summer_order WHERE id = \(bind: id)").first(decoding: Status.self)?.status
    }

    func chartStatus(_ id: Int) async throws -> String? {
        try await sql.raw("SELECT status FROM summer_shopping_chart WHERE id = \(bind: id)").first(decoding: Status.self)?.status
    }

    /// The history rows of an order: (operator, key, remark), in id order.
    func history(order orderID: Int) async throws -> [(Int, String, String)] {
        struct Row: Decodable { let operator_id: Int; let key: String; let remark: String }
        return try await sql.raw("""
            SELECT operator_id, key, remark FROM summer_order_operate_history WHERE source_id = \(bind: orderID) ORDER BY id
            """).all(decoding: Row.self).map { ($0.operator_id, $0.key, $0.remark) }
    }

    func count(_ table: String, where condition: String) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)")
            .first(decoding: Count.self)!.n
    }

    /// A student with a named profile and a ticket.
    func student(_ username: String, name: String = "张三") async throws -> (id: Int, ticket: String) {
        let id = try await makeUser(username, profile: false)
        try await makeProfile(userID: id, name: name)
        return (id, try await ticket(for: id))
    }

    /// A campus and a project with the worked example's fee table (catalog spec §7).
    func exampleProject(applyFee: Int64? = 200_000, fees: [Int: Int64] = [1: 2_312_000, 2: 2_312_000, 3: 2_812_000]) async throws -> Int {
        let campus = try await makeCampus("校区\(UUID().uuidString.prefix(6))")
        return try await makeProject(campusID: campus, applyFee: applyFee, fees: fees)
    }
}

enum OrderRequests {
    static let png = SalesManTests.png

    static func createBody(charts: [Int], coupons: [Int]? = nil, currency: String = "RMB", payment: String = "BANK") -> [String: Any] {
        var body: [String: Any] = ["chart_ids": charts, "currency": currency, "payment": payment]
        if let coupons { body["coupon_list"] = coupons }
        return body
    }

    static func paymentBody(order: Int, img: Any = "data:image/png;base64," + png) -> [String: Any] {
        ["order": order, "account_number": "12345@qq.com", "account_name": "张三", "pay_date": "2017-11-16", "img": img,
         "amount": 537.4]
    }

    /// Runs the requests at once; their responses in completion order.
    static func together(_ requests: [@Sendable () async throws -> TestResponse]) async throws -> [TestResponse] {
        try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for request in requests { group.addTask { try await request() } }
            var all: [TestResponse] = []
            for try await response in group { all.append(response) }
            return all
        }
    }
}

extension JSONValue {
    /// A money field as cents (tests compare numerically, D10).
    var cents: Int64? { doubleValue.map { Int64(($0 * 100).rounded()) } }
}

/// `{key, verbose}` as JSON.
func choiceJSON(_ key: String, _ verbose: String) -> JSONValue {
    .object(["key": .string(key), "verbose": .string(verbose)])
}
