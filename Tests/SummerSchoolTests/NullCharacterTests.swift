import XCTest
@testable import SummerSchool

/// Text containing U+0000 is a field error, never a database fault (PostgreSQL cannot store it).
final class NullCharacterTests: XCTestCase {
    func testNullCharactersAreFieldErrorsAndWriteNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let login = try await client.call(.post, "/auth/user/login/", json: ["username": "admin\u{0}01", "password": "secret123"])
            XCTAssertEqual(login.code, 400, login.bodyText)
            XCTAssertEqual(login.fieldName, "username")
            XCTAssertEqual(login.msg, "不允许包含空字符。")

            let coupons = try await env.count("summer_coupon")
            let coupon = try await client.call(
                .post, "/coupon/coupon/", ticket: admin.ticket, json: CouponTests.valid.merging(["info": "早鸟\u{0}"]) { $1 })
            XCTAssertEqual(coupon.code, 400, coupon.bodyText)
            XCTAssertEqual(coupon.fieldName, "info")
            let after = try await env.count("summer_coupon")
            XCTAssertEqual(after, coupons)

            let form = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, form: "name=a%00b&wechat=w&email=a@example.com&qr_code=")
            XCTAssertEqual(form.code, 400, form.bodyText)
            XCTAssertEqual(form.fieldName, "name")
        }
    }
}
