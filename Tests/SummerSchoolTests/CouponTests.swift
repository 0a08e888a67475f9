import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class CouponTests: XCTestCase {
    nonisolated(unsafe) static let valid: [String: Any] = [
        "amount": 2000, "info": "北京大学专属优惠券", "start_time": "2017-07-13 00:00", "end_time": "2017-07-31T00:00:00+08:00",
        "max_num": 30,
    ]

    func testCreateListDetail() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: Self.valid.merging(["id": 99, "coupon_code": "X"]) { $1 })
            XCTAssertEqual(r.code, 0, r.bodyText)
            let coupon = try XCTUnwrap(r.data)
            XCTAssertEqual(coupon["id"]?.intValue, 1)
            XCTAssertEqual(coupon["amount"]?.doubleValue, 2000)
            XCTAssertEqual(coupon["start_time"]?.stringValue, "2017-07-12T16:00:00Z")
            XCTAssertEqual(coupon["end_time"]?.stringValue, "2017-07-30T16:00:00Z")
            XCTAssertEqual(coupon["is_active"]?.boolValue, true)
            let code = try XCTUnwrap(coupon["coupon_code"]?.stringValue)
            XCTAssertEqual(code.count, 10)
            XCTAssertEqual(Set(code).count, 10)
            XCTAssertTrue(code.allSatisfy { CouponCode.alphabet.contains($0) })
            XCTAssertEqual(coupon.objectValue?.keys.sorted(),
                           ["amount", "coupon_code", "create_time", "end_time", "id", "info", "is_active", "max_num", "start_time"])

            let detail = try await client.call(.get, "/coupon/coupon/1/", ticket: admin.ticket)
            XCTAssertEqual(detail.data, coupon)
            let list = try await client.call(.get, "/coupon/coupon/", ticket: admin.ticket)
            XCTAssertEqual(list.data?["count"]?.intValue, 1)
            XCTAssertEqual(list.data?["results"]?[0], coupon)
            for path in ["/coupon/coupon/2/", "/coupon/coupon/abc/"] {
                let missing = try await client.call(.get, path, ticket: admin.ticket)
                XCTAssertEqual(missing.code, 404)
                XCTAssertEqual(missing.msg, "请求失败")
            }
            let delete = try await client.call(.delete, "/coupon/coupon/1/", ticket: admin.ticket)
            XCTAssertEqual(delete.code, 405)
        }
    }

    func testMoneyIsRoundedHalfUpAndExact() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            for (sent, cents) in [(1.005, 101), (0.125, 13), (19.994, 1999)] as [(Any, Int64)] + [("2.675", 268), (0, 0)] {
                let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: Self.valid.merging(["amount": sent]) { $1 })
                XCTAssertEqual(r.code, 0, r.bodyText)
                struct Row: Decodable { let amount: Int64 }
                let id = try XCTUnwrap(r.data?["id"]?.intValue)
                let stored = try await env.sql.raw("SELECT amount FROM summer_coupon WHERE id = \(bind: id)").first(decoding: Row.self)
                XCTAssertEqual(stored?.amount, cents, "\(sent)")
                XCTAssertEqual(r.data?["amount"]?.doubleValue, Double(cents) / 100)
            }
        }
    }

    func testFieldRulesReportFieldAndWriteNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let cases: [([String: Any], String, String)] = [
                (["amount": -1], "amount", "请确保该值大于或者等于 0。"),
                (["amount": "abc"], "amount", "请填写合法的数字。"),
                (["amount": NSNull()], "amount", "该字段不能为 null。"),
                (["info": "   "], "info", "该字段不能为空。"),
                (["info": String(repeating: "优", count: 31)], "info", "请确保这个字段不能超过 30 个字符。"),
                (["start_time": "2017-07-13"], "start_time", FieldMessage.dateTime),
                (["end_time": 5], "end_time", FieldMessage.dateTime),
                (["max_num": -3], "max_num", "请确保该值大于或者等于 0。"),
                (["max_num": 1.5], "max_num", "请填写合法的整数值。"),
                (["max_num": 3_000_000_000], "max_num", "请确保该值小于或者等于 2147483647。"),
                (["is_active": "maybe"], "is_active", "“maybe” 不是合法的布尔值。"),
                (["is_active": NSNull()], "is_active", "该字段不能为 null。"),
                // First failing field in contract order wins.
                (["amount": -1, "info": ""], "amount", "请确保该值大于或者等于 0。"),
            ]
            for (change, field, message) in cases {
                let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: Self.valid.merging(change) { $1 })
                XCTAssertEqual(r.code, 400, "\(change)")
                XCTAssertEqual(r.fieldName, field, "\(change)")
                XCTAssertEqual(r.msg, message, "\(change)")
                XCTAssertEqual(r.data, .object([:]))
            }
            for missing in ["amount", "info", "start_time", "end_time", "max_num"] {
                var body = Self.valid
                body[missing] = nil
                let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.fieldName, missing)
                XCTAssertEqual(r.msg, "该字段是必填项。")
            }
            let count = try await env.count("summer_coupon")
            XCTAssertEqual(count, 0)
        }
    }

    func testOnlyAdminsReachCoupons() async throws {
        try await SummerTestEnv.run { env, client in
            let market = try await env.account("market001", role: .market)
            let student = try await env.account("student01", role: .student)
            for ticket in [market.ticket, student.ticket] {
                for (method, path) in [(HTTPRequest.Method.get, "/coupon/coupon/"), (.post, "/coupon/coupon/"),
                                       (.get, "/coupon/coupon/1/"), (.post, "/coupon/user_coupon/")] {
                    let r = try await client.call(method, path, ticket: ticket, json: method == .post ? Self.valid : nil)
                    XCTAssertEqual(r.code, 403, path)
                    XCTAssertEqual(r.msg, "您没有执行该操作的权限。")
                }
            }
            let count = try await env.count("summer_coupon")
            XCTAssertEqual(count, 0)
        }
    }

    func testPutAndPatch() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let created = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: Self.valid)
            let code = created.data?["coupon_code"]?.stringValue
            try await env.sql.raw("UPDATE summer_coupon SET create_time = 0").run()

            let patch = try await client.call(.patch, "/coupon/coupon/1/", ticket: admin.ticket, json: ["max_num": 5, "coupon_code": "NEW"])
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["max_num"]?.intValue, 5)
            XCTAssertEqual(patch.data?["info"]?.stringValue, "北京大学专属优惠券")
            XCTAssertEqual(patch.data?["coupon_code"]?.stringValue, code)
            XCTAssertNotEqual(patch.data?["create_time"]?.stringValue, "1970-01-01T00:00:00Z")  // auto-now

            let put = try await client.call(.put, "/coupon/coupon/1/", ticket: admin.ticket, json: ["max_num": 5])
            XCTAssertEqual(put.code, 400)
            XCTAssertEqual(put.fieldName, "amount")
            XCTAssertEqual(put.msg, "该字段是必填项。")

            let full = try await client.call(.put, "/coupon/coupon/1/", ticket: admin.ticket,
                                             json: Self.valid.merging(["amount": "12.345", "is_active": false]) { $1 })
            XCTAssertEqual(full.code, 0)
            XCTAssertEqual(full.data?["amount"]?.doubleValue, 12.35)
            XCTAssertEqual(full.data?["is_active"]?.boolValue, false)

            let missing = try await client.call(.patch, "/coupon/coupon/7/", ticket: admin.ticket, json: ["amount": -1])
            XCTAssertEqual(missing.code, 404)  // lookup before validation
        }
    }
}
