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
            for table in ["summer_campus", "summer_project", "summer_project_course_fee", "summer_course", "summer_course_project",
                          "summer_shopping_chart", "summer_order", "summer_order_payment", "summer_order_operate_history",
                          "summer_user_course", "summer_user_info_remark", "summer_user_coupon"] {
                counts[table] = try await env.count(table)
            }
            XCTAssertEqual(counts, ["summer_user": 9, "summer_student_info": 8, "summer_sales_man": 2, "summer_coupon": 2,
                                    "summer_market_channel": 2, "summer_campus": 4, "summer_project": 6, "summer_project_course_fee": 16,
                                    "summer_course": 9, "summer_course_project": 17, "summer_shopping_chart": 11, "summer_order": 6,
                                    "summer_order_payment": 4, "summer_order_operate_history": 14, "summer_user_course": 5,
                                    "summer_user_info_remark": 4, "summer_user_coupon": 3])

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

            // The catalogue reads through the API; the orders cover every state.
            let projects = try await client.call(.get, "/source/project/?pagination=false", ticket: student)
            XCTAssertEqual(projects.data?.arrayValue?.count, 5)  // the sixth is inactive
            XCTAssertEqual(projects.data?[0]?["project_course_fee"]?.arrayValue?.count, 3)
            let related = try await client.call(.get, "/source/project/1/related_courses/", ticket: student)
            XCTAssertEqual(related.data?.arrayValue?.count, 4)
            struct Status: Decodable { let status: String }
            let statuses = try await env.sql.raw("SELECT status FROM summer_order ORDER BY id").all(decoding: Status.self).map(\.status)
            XCTAssertEqual(Set(statuses), ["TO_PAY", "TO_CONFIRM", "CONFIRMED", "CANCELED", "CONFIRM_FAILED"])
            let reviews = try await env.sql.raw("SELECT status FROM summer_user_course ORDER BY id").all(decoding: Status.self).map(\.status)
            XCTAssertEqual(reviews, ["PASS", "TO_CONFIRM", "TO_UPLOAD", "PASS", "NOPASS"])
            let demoStudent = try await env.login(client, "student04", "123456")
            XCTAssertFalse(demoStudent.isEmpty)
        }
    }

    /// Pricing of the demo orders follows §7: apply fee per item plus the item's course fee, minus the coupon.
    func testDemoOrdersArePricedFromTheirItems() async throws {
        try await SummerTestEnv.run { env, _ in
            _ = try await SummerSchoolApp.loadDemoData(database: env.database)
            struct Mismatch: Decodable { let id: Int }
            let wrong = try await env.sql.raw("""
                SELECT o.id FROM summer_order o WHERE o.standard_fee <> (SELECT SUM(COALESCE(p.apply_fee, 0) + c.course_fee) \
                FROM summer_order_chart oc JOIN summer_shopping_chart c ON c.id = oc.chart_id JOIN summer_project p ON p.id = c.project_id \
                WHERE oc.order_id = o.id)
                """).all(decoding: Mismatch.self)
            XCTAssertEqual(wrong.map(\.id), [])
            let selections = try await env.sql.raw("""
                SELECT uc.id FROM summer_user_course uc WHERE NOT EXISTS (SELECT 1 FROM summer_course_project cp \
                WHERE cp.project_id = uc.project_id AND cp.course_id = uc.course_id)
                """).all(decoding: Mismatch.self)
            XCTAssertEqual(selections.map(\.id), [], "every selection is of a course offered in its project")
        }
    }

    func testBenchmarkProfileIsSeededAndLoadsOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let first = try await SummerSchoolApp.loadDemoData(database: env.database, profile: .benchmark)
            XCTAssertTrue(first.contains("AdminUser / 123456"), first)
            var counts: [String: Int] = [:]
            for table in ["summer_campus", "summer_project", "summer_course", "summer_course_project", "summer_user", "summer_order",
                          "summer_shopping_chart", "summer_student_score_detail"] {
                counts[table] = try await env.count(table)
            }
            XCTAssertEqual(counts, ["summer_campus": 20, "summer_project": 200, "summer_course": 500, "summer_course_project": 1000,
                                    "summer_user": 2001, "summer_order": 2000, "summer_shopping_chart": 2000,
                                    "summer_student_score_detail": 2000])
            let fees = try await env.count("summer_project_course_fee")
            XCTAssertTrue((400...600).contains(fees), "\(fees) fee rows")
            let second = try await SummerSchoolApp.loadDemoData(database: env.database, profile: .benchmark)
            XCTAssertTrue(second.contains("already present"), second)
            let again = try await env.count("summer_order")
            XCTAssertEqual(again, 2000)
            // Ids continue after the generated rows on both databases.
            let admin = try await env.login(client, "AdminUser", "123456")
            let created = try await client.call(.post, "/source/campus/", ticket: admin, json: ["name": "新校区", "info": "x"])
            XCTAssertEqual(created.data?["id"]?.intValue, 21, created.bodyText)
            let page = try await client.call(.get, "/source/project/", ticket: admin)
            XCTAssertEqual(page.data?["count"]?.intValue, 200)
            XCTAssertEqual(page.data?["results"]?[0]?["name"]?.stringValue, "北京暑期项目001")
        }
    }
}
