import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// D27: the JSON text of a coupon amount is the exact decimal, never a binary-float approximation.
final class CouponMoneyTextTests: XCTestCase {
    /// `"amount":<text>` followed by `,` or `}` (member order is not fixed).
    static func hasAmount(_ body: String, _ text: String) -> Bool {
        body.contains("\"amount\":\(text),") || body.contains("\"amount\":\(text)}")
    }

    func testAmountsAreWrittenExactly() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            for (sent, text) in [("2.675", "2.68"), ("0.1", "0.1"), ("19.994", "19.99"), ("99999999.99", "99999999.99"), ("1e2", "100")] {
                let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: CouponTests.valid.merging(["amount": sent]) { $1 })
                XCTAssertEqual(r.code, 0, r.bodyText)
                XCTAssertTrue(Self.hasAmount(r.bodyText, text), "\(sent): \(r.bodyText)")
            }
            let patch = try await client.call(.patch, "/coupon/coupon/1/", ticket: admin.ticket, json: ["amount": 0.3])
            XCTAssertTrue(Self.hasAmount(patch.bodyText, "0.3"), patch.bodyText)
            let negative = try await client.call(.patch, "/coupon/coupon/1/", ticket: admin.ticket, json: ["amount": "-0.01"])
            XCTAssertEqual(negative.fieldName, "amount")
            XCTAssertEqual(negative.msg, "请确保该值大于或者等于 0。")
            let list = try await client.call(.get, "/coupon/coupon/", ticket: admin.ticket)
            XCTAssertTrue(Self.hasAmount(list.bodyText, "0.3"), list.bodyText)
        }
    }
}
