import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class DemoDataTests: XCTestCase {
    func testDemoDataIsIdempotentAndTheAccountsLogIn() async throws {
        try await SummerTestEnv.run { env, client in
            let first = try await SummerSchoolApp.loadDemoData(database: env.database)
            XCTAssertTrue(first.contains("AdminUser / 123456"), first)
            XCTAssertTrue(first.contains("StudentTest / 123456"), first)
            var counts: [String: Int] = [:]
            for table in ["summer_user", "summer_student_info", "summer_sales_man", "summer_coupon", "summer_market_channel"] {
                counts[table] = try await env.count(table)
            }
            XCTAssertEqual(counts, ["summer_user": 2, "summer_student_info": 1, "summer_sales_man": 2, "summer_coupon": 2,
                                    "summer_market_channel": 2])

            let second = try await SummerSchoolApp.loadDemoData(database: env.database)
            XCTAssertTrue(second.contains("already present"), second)
            for (table, count) in counts {
                let now = try await env.count(table)
                XCTAssertEqual(now, count, table)
            }

            let admin = try await env.login(client, "AdminUser", "123456")
            let coupons = try await client.call(.get, "/coupon/coupon/", ticket: admin)
            XCTAssertEqual(coupons.data?["count"]?.intValue, 2)
            XCTAssertEqual(coupons.data?["results"]?[1]?["amount"]?.doubleValue, 500.5)
            let channels = try await client.call(.get, "/market/channel/", ticket: admin)
            XCTAssertEqual(channels.data?["results"]?[0]?["sales_man"]?["name"]?.stringValue, "zhangsan")
            XCTAssertEqual(channels.data?["results"]?[0]?["qr_code"]?.stringValue?.contains("channel_id_"), true)
            let staff = try await client.call(.get, "/admin/child_user/", ticket: admin)
            XCTAssertEqual(staff.data?["results"]?[0]?["role"]?["key"]?.stringValue, "ADMIN")

            let student = try await env.login(client, "StudentTest", "123456")
            let blocked = try await client.call(.get, "/admin/child_user/", ticket: student)
            XCTAssertEqual(blocked.code, 403)
            let assigned = try await client.call(.post, "/coupon/user_coupon/", ticket: admin, json: ["user": 2, "coupon": 1])
            XCTAssertEqual(assigned.code, 0, assigned.bodyText)
        }
    }
}
