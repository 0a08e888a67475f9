import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/project/...` (back office §4 C, DV-8, DV-19).
final class BackOfficeProjectTests: XCTestCase {
    func testListCarriesProjectObjectAndPerProjectFigures() async throws {
        try await SummerTestEnv.run { env, client in
            let data = try await StatisticsDataSet.make(env)
            let market = try await env.account("market002", role: .market)
            let r = try await client.call(.get, "/admin/project/", ticket: market.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["count"]?.intValue, 4)
            XCTAssertEqual(r.data?["next"], .null)
            let items = try XCTUnwrap(r.data?["results"]?.arrayValue)
            XCTAssertEqual(items.compactMap { $0["id"]?.intValue }, data.projects)  // inactive P3 included
            XCTAssertEqual(items.compactMap { $0["campus_name"]?.stringValue }, ["北京校区", "北京校区", "上海校区", "北京校区"])
            XCTAssertEqual(items.compactMap { $0["name"]?.stringValue }, ["北京一期", "北京二期", "上海一期", "北京三期"])
            XCTAssertEqual(items.compactMap { $0["applyed_num"]?.intValue }, [3, 3, 2, 0])
            XCTAssertEqual(items.compactMap { $0["payed_num"]?.intValue }, [2, 1, 1, 0])
            // The catalogue's project object comes along.
            XCTAssertEqual(items[0]["campus"]?["id"]?.intValue, data.campuses[0])
            XCTAssertEqual(items[0]["apply_fee"]?.doubleValue, 2000)
            XCTAssertEqual(items[0]["course_num"]?.intValue, 4)
            XCTAssertEqual(items[0]["project_course_fee"]?.arrayValue?.compactMap { $0["course_number"]?.intValue }, [1, 2, 3])
            XCTAssertEqual(items[0]["start_date"]?.stringValue, "2025-12-25")

            for value in ["false", "False", "FALSE"] {
                let plain = try await client.call(.get, "/admin/project/?pagination=\(value)&page=7", ticket: market.ticket)
                XCTAssertEqual(plain.code, 0, plain.bodyText)
                XCTAssertEqual(plain.data?.arrayValue, items, value)
            }
            for value in ["true", "0", ""] {
                let paged = try await client.call(.get, "/admin/project/?pagination=\(value)", ticket: market.ticket)
                XCTAssertEqual(paged.data?["results"]?.arrayValue, items, value)
            }
            let bad = try await client.call(.get, "/admin/project/?page=2", ticket: market.ticket)
            XCTAssertEqual(bad.code, 404)
            XCTAssertEqual(bad.msg, "无效页面。")

            let detail = try await client.call(.get, "/admin/project/\(data.projects[2])/", ticket: market.ticket)
            XCTAssertEqual(detail.code, 0, detail.bodyText)
            XCTAssertEqual(detail.data, items[2])
        }
    }

    func testNullNameStaysAKeyAndPagesHoldTen() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            var ids: [Int] = []
            for n in 0..<11 { ids.append(try await env.makeProject(campusID: campus, name: "项目\(n)")) }
            try await env.sql.raw("UPDATE summer_project SET name = NULL, apply_fee = NULL WHERE id = \(bind: ids[10])").run()
            let page2 = try await client.call(.get, "/admin/project/?page=2", ticket: admin.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.count, 1)
            XCTAssertEqual(page2.data?["results"]?[0]?["name"], .null)
            XCTAssertEqual(page2.data?["results"]?[0]?["apply_fee"], .null)
            XCTAssertEqual(page2.data?["previous"]?.stringValue, "http://localhost/admin/project/")
            let page1 = try await client.call(.get, "/admin/project/", ticket: admin.ticket)
            XCTAssertEqual(page1.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, Array(ids.prefix(10)))
            XCTAssertEqual(page1.data?["next"]?.stringValue, "http://localhost/admin/project/?page=2")
        }
    }

    func testAccessNotFoundAndNoEditing() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let product = try await env.account("product01", role: .product)
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let studentReply = try await client.call(.get, "/admin/project/", ticket: student.ticket).json
            XCTAssertEqual(studentReply,
                           .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let anonymousCode = try await client.call(.get, "/admin/project/").code
            XCTAssertEqual(anonymousCode, 401)
            for id in ["9999", "abc"] {
                let r = try await client.call(.get, "/admin/project/\(id)/", ticket: product.ticket)
                XCTAssertEqual(r.code, 404)
                XCTAssertEqual(r.msg, "请求失败")
                XCTAssertEqual(r.fieldName, "")
            }
            for method in [HTTPRequest.Method.put, .patch, .delete] {
                let r = try await client.call(method, "/admin/project/\(project)/", ticket: admin.ticket, json: ["name": "改名"])
                XCTAssertEqual(r.code, 405)
                XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。")
            }
            let createCode = try await client.call(.post, "/admin/project/", ticket: product.ticket, json: ["name": "x"]).code
            XCTAssertEqual(createCode, 405)
            struct Name: Decodable { let name: String? }
            let stored = try await env.sql.raw("SELECT name FROM summer_project").all(decoding: Name.self)
            XCTAssertEqual(stored.map(\.name), ["冬季课程"])
        }
    }
}
