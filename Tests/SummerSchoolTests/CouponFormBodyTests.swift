import HTTPTypes
import NIOCore
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Form bodies follow conventions §11: an omitted boolean is false on create, the ticket may come in the query.
final class CouponFormBodyTests: XCTestCase {
    func testFormCreateAndQueryTicket() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let form = "amount=10.005&info=%E4%BC%98%E6%83%A0&start_time=2017-07-13T00%3A00%3A00Z&end_time=2017-07-14+08%3A00&max_num=2.0"
            let r = try await client.call(.post, "/coupon/coupon/?ticket=\(admin.ticket)", form: form)
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["amount"]?.doubleValue, 10.01)
            XCTAssertEqual(r.data?["info"]?.stringValue, "优惠")
            XCTAssertEqual(r.data?["is_active"]?.boolValue, false)
            XCTAssertEqual(r.data?["max_num"]?.intValue, 2)
            XCTAssertEqual(r.data?["end_time"]?.stringValue, "2017-07-14T00:00:00Z")

            let bad = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, form: "amount=&info=x")
            XCTAssertEqual(bad.fieldName, "amount")
            let text = try await client.execute(
                uri: "/coupon/coupon/?ticket=\(admin.ticket)", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "amount=1"))
            XCTAssertEqual(text.code, 415)
            let count = try await env.count("summer_coupon")
            XCTAssertEqual(count, 1)
            let head = try await client.call(.head, "/common/global_enums/", ticket: admin.ticket)
            XCTAssertEqual(head.status, .ok)
            XCTAssertEqual(head.body.readableBytes, 0)
        }
    }
}
