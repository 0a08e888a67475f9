import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class CommonTests: XCTestCase {
    func testCampusListIsPaginatedWithInactiveCampuses() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            for index in 1...11 {
                try await env.sql.raw("""
                    INSERT INTO summer_campus (name, info, network_course, create_time, is_active) \
                    VALUES (\(bind: "校区\(index)"), 'info', \(bind: false), \(bind: Int64(1_497_483_630_000_000)), \(bind: index != 2))
                    """).run()
            }
            let r = try await client.call(.get, "/common/campus/", ticket: student.ticket)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.data?["count"]?.intValue, 11)
            XCTAssertEqual(r.data?["results"]?.arrayValue?.count, 10)
            XCTAssertEqual(r.data?["results"]?[1]?["name"]?.stringValue, "校区2")  // inactive, still listed
            XCTAssertEqual(r.data?["results"]?[0]?["create_time"]?.stringValue, "2017-06-14T23:40:30Z")
            XCTAssertEqual(r.data?["results"]?[0]?.objectValue?.keys.sorted(), ["create_time", "id", "info", "name"])
            XCTAssertEqual(r.data?["next"]?.stringValue?.hasSuffix("/common/campus/?page=2"), true)
            XCTAssertEqual(r.data?["previous"], .null)
            let page2 = try await client.call(.get, "/common/campus/?page=2", ticket: student.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.count, 1)
            let bad = try await client.call(.get, "/common/campus/?page=3", ticket: student.ticket)
            XCTAssertEqual(bad.code, 404)
            let post = try await client.call(.post, "/common/campus/", ticket: student.ticket, json: [:])
            XCTAssertEqual(post.code, 405)
            let anonymous = try await client.call(.get, "/common/campus/")
            XCTAssertEqual(anonymous.code, 401)
        }
    }

    func testNavigationTreeIsTheSeed() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let r = try await client.call(.get, "/common/navigation/", ticket: student.ticket)
            XCTAssertEqual(r.code, 0)
            let entries = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(entries.map { $0["key"]?.stringValue }, [
                "CONSULTATON_CENTER", "FINANCIAL_CENTER", "PRODUCT_CENTER", "MARKET_CENTER", "SYSTEM_CENTER",
            ])
            XCTAssertEqual(entries[3]["name"]?.stringValue, "市场")
            XCTAssertEqual(entries[3]["id"]?.intValue, 4)
            XCTAssertEqual(entries[3]["second_levels"], .array([
                .object(["id": .int(12), "name": .string("渠道管理"), "key": .string("CHANNEL_MANAGEMENT")]),
            ]))
            XCTAssertEqual(entries[2]["second_levels"]?.arrayValue?.map { $0["id"]?.intValue }, Array(3...11))
            XCTAssertEqual(entries[4]["second_levels"]?[1]?["key"]?.stringValue, "CHILD_USER_MANAGEMENT")
            // Slash-less form reaches the same handler (decision 1).
            let slashless = try await client.call(.get, "/common/navigation", ticket: student.ticket)
            XCTAssertEqual(slashless.data, r.data)
        }
    }

    func testGlobalEnumsExactPayloadAndPrefixMatch() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let r = try await client.call(.get, "/common/global_enums/", ticket: student.ticket)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.msg, "请求成功")
            XCTAssertEqual(r.fieldName, "")
            // Member order is part of the contract: compare the raw text.
            let text = r.bodyText
            let order = ["account_payment", "account_currency", "user_info_gender", "order_payment", "order_currency",
                         "order_status", "user_status", "course_credit_switch", "user_course_status", "coupon_status", "user_role"]
            let positions = order.map { text.range(of: "\"\($0)\"")!.lowerBound }
            XCTAssertEqual(positions, positions.sorted())
            XCTAssertTrue(text.contains(#""account_payment":[{"key":"ALI_PAY","verbose":"支付宝转账"},{"key":"PAY_PAL","verbose":"PAY_PAL转账"},{"key":"BANK","verbose":"银行转账"}]"#))
            XCTAssertTrue(text.contains(#""order_payment":[{"key":"BANK","verbose":"银行转账"},{"key":"ALI_PAY","verbose":"支付宝转账"},{"key":"PAY_PAL","verbose":"PAY_PAL支付"},{"key":"OFF_LINE","verbose":"面付"}]"#))
            XCTAssertTrue(text.contains(#""user_role":[{"key":"STUDENT","verbose":"学生"},{"key":"ADMIN","verbose":"管理员"},{"key":"MARKET","verbose":"市场部"},{"key":"PRODUCT","verbose":"产品部"},{"key":"FINANCE","verbose":"财务部"}]"#))
            XCTAssertEqual(r.data?["course_credit_switch"]?[4]?["verbose"]?.stringValue, "学分转换失败")
            XCTAssertEqual(r.data?.objectValue?.count, 11)
            for path in ["/common/global_enums", "/common/global_enums/anything/else"] {
                let other = try await client.call(.get, path, ticket: student.ticket)
                XCTAssertEqual(other.bodyText, text, path)
            }
            let post = try await client.call(.post, "/common/global_enums/", ticket: student.ticket, json: [:])
            XCTAssertEqual(post.code, 405)
            let anonymous = try await client.call(.get, "/common/global_enums/")
            XCTAssertEqual(anonymous.code, 401)
        }
    }
}
