import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class CouponAssignmentTests: XCTestCase {
    static func makeCoupon(_ env: SummerTestEnv, maxNum: Int) async throws -> Int {
        struct ID: Decodable { let id: Int }
        return try await env.sql.raw("""
            INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
            VALUES ('ABCDEFGHIJ', 1000, 'x', 0, 0, 0, \(bind: maxNum), \(bind: true)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    func testAssignAndItsRules() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            let other = try await env.makeUser("student02")
            let staff = try await env.makeUser("market001", role: .market)
            let coupon = try await Self.makeCoupon(env, maxNum: 1)

            let ok = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: ["user": student, "coupon": "\(coupon)"])
            XCTAssertEqual(ok.code, 0, ok.bodyText)
            XCTAssertEqual(ok.msg, "操作成功")
            XCTAssertEqual(ok.data, .object([:]))

            let cases: [([String: Any], String, String)] = [
                (["coupon": coupon], "user", "该字段是必填项。"),
                (["user": 999, "coupon": coupon], "user", "无效主键 “999” － 对象不存在。"),
                (["user": "abc", "coupon": coupon], "user", "类型错误。期望为主键，得到的类型为 str。"),
                (["user": student, "coupon": 999], "coupon", "无效主键 “999” － 对象不存在。"),
                (["user": staff, "coupon": coupon], "non_field_errors", "仅能为学生用户分配优惠券"),
                (["user": student, "coupon": coupon], "non_field_errors", "已经为该用户分配过该优惠券，不能重复分配"),
                (["user": other, "coupon": coupon], "non_field_errors", "优惠券已超过最大数量，不能为该用户新增优惠券"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let count = try await env.count("summer_user_coupon")
            XCTAssertEqual(count, 1)

            // Every status counts against max_num.
            try await env.sql.raw("UPDATE summer_user_coupon SET status = 'USED'").run()
            let again = try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: ["user": other, "coupon": coupon])
            XCTAssertEqual(again.msg, "优惠券已超过最大数量，不能为该用户新增优惠券")

            let get = try await client.call(.get, "/coupon/user_coupon/", ticket: admin.ticket)
            XCTAssertEqual(get.code, 405)
        }
    }

    func testConcurrentAssignmentsNeverExceedMaxNum() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let coupon = try await Self.makeCoupon(env, maxNum: 3)
            var students: [Int] = []
            for index in 0..<8 { students.append(try await env.makeUser("student\(index)x", profile: false)) }
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for student in students {
                    group.addTask {
                        try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: ["user": student, "coupon": coupon]).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 3)
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 5)
            let count = try await env.count("summer_user_coupon")
            XCTAssertEqual(count, 3)
        }
    }

    func testConcurrentDuplicateAssignmentsInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let coupon = try await Self.makeCoupon(env, maxNum: 100)
            let student = try await env.makeUser("student01")
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await client.call(.post, "/coupon/user_coupon/", ticket: admin.ticket, json: ["user": student, "coupon": coupon]).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
            let count = try await env.count("summer_user_coupon")
            XCTAssertEqual(count, 1)
        }
    }
}
