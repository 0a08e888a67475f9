import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Input forms of `POST /coupon/user_coupon/` (identity §7.6, conventions §10.2/§11).
final class CouponAssignmentInputTests: XCTestCase {
    func testBlankAndMalformedRelations() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            let coupon = try await CouponAssignmentTests.makeCoupon(env, maxNum: 5)
            let json: [([String: Any], String, String)] = [
                (["user": "", "coupon": coupon], "user", "该字段不能为 null。"),  // DRF: "" is null for relations
                (["user": NSNull(), "coupon": coupon], "user", "该字段不能为 null。"),
                (["user": [student], "coupon": coupon], "user", "类型错误。期望为主键，得到的类型为 list。"),
                (["user": ["id": student], "coupon": coupon], "user", "类型错误。期望为主键，得到的类型为 dict。"),
                (["user": student, "coupon": ""], "coupon", "该字段不能为 null。"),
                (["user": student], "coupon", "该字段是必填项。"),
                (["user": 99_999_999_999, "coupon": coupon], "user", "无效主键 “99999999999” － 对象不存在。"),
            ]
            for (body, field, message) in json {
                let r = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let blankForm = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, form: "user=&coupon=\(coupon)")
            XCTAssertEqual(blankForm.fieldName, "user")
            XCTAssertEqual(blankForm.msg, "该字段不能为 null。")
            let count = try await env.count("summer_user_coupon")
            XCTAssertEqual(count, 0)

            let form = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, form: "user=\(student)&coupon=\(coupon)")
            XCTAssertEqual(form.code, 0, form.bodyText)
            XCTAssertEqual(form.msg, "操作成功")
            struct Row: Decodable { let status: String }
            let row = try await env.sql.raw("SELECT status FROM summer_user_coupon").first(decoding: Row.self)
            XCTAssertEqual(row?.status, "TO_USE")
        }
    }
}
