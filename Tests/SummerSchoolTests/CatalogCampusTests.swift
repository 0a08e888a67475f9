import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/source/campus/...` (catalog spec S1–S5, D1, D16, D17).
final class CatalogCampusTests: XCTestCase {
    nonisolated(unsafe) static let valid: [String: Any] = ["name": "武汉校区", "info": "针对国际业务", "network_course": true]

    func testCreateDetailListAndShape() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.account("student01", role: .student)
            let r = try await client.call(.post, "/source/campus/", ticket: admin.ticket, json: withChanges(Self.valid, ["name": "  武汉校区 ", "id": 77, "is_active": false]))
            assertEnvelope(r, code: 0, msg: "请求成功")
            let campus = try XCTUnwrap(r.data)
            XCTAssertEqual(campus.objectValue?.keys.sorted(), ["create_time", "id", "info", "name", "network_course"])
            XCTAssertEqual(campus["id"]?.intValue, 1)
            XCTAssertEqual(campus["name"]?.stringValue, "武汉校区")
            XCTAssertEqual(campus["network_course"]?.boolValue, true)
            XCTAssertTrue(campus["create_time"]?.stringValue?.hasSuffix("Z") ?? false)

            // Reads are open to students (decision 13); inactive campuses are hidden.
            try await env.makeCampus("旧校区", active: false)
            let detail = try await client.call(.get, "/source/campus/1/", ticket: student.ticket)
            XCTAssertEqual(detail.data, campus)
            let list = try await client.call(.get, "/source/campus/", ticket: student.ticket)
            XCTAssertEqual(list.data?["count"]?.intValue, 1)
            XCTAssertEqual(list.data?["results"]?[0], campus)
            XCTAssertTrue(list.data?["next"]?.isNull ?? false)
            for path in ["/source/campus/2/", "/source/campus/999/", "/source/campus/abc/", "/source/campus/2/all_projects/"] {
                assertNotFound(try await client.call(.get, path, ticket: student.ticket))
            }
            assertEnvelope(try await client.call(.get, "/source/campus/?page=2", ticket: student.ticket), code: 404, msg: "无效页面。")
            assertEnvelope(try await client.call(.delete, "/source/campus/1/", ticket: admin.ticket), code: 405, msg: "方法 “DELETE” 不被允许。")
            // network_course defaults to false.
            let plain = try await client.call(.post, "/source/campus/", ticket: admin.ticket, json: ["name": "北京校区", "info": "x"])
            XCTAssertEqual(plain.data?["network_course"]?.boolValue, false)
        }
    }

    func testWritesAreAdminOnly() async throws {
        try await SummerTestEnv.run { env, client in
            let campus = try await env.makeCampus()
            for role in [Role.student, .market, .product, .finance] {
                let caller = try await env.account("user\(role.rawValue)", role: role)
                assertForbidden(try await client.call(.post, "/source/campus/", ticket: caller.ticket, json: Self.valid))
                assertForbidden(try await client.call(.put, "/source/campus/\(campus)/", ticket: caller.ticket, json: Self.valid))
                assertForbidden(try await client.call(.patch, "/source/campus/\(campus)/", ticket: caller.ticket, json: ["info": "x"]))
                let awaited1 = try await client.call(.get, "/source/campus/\(campus)/", ticket: caller.ticket).code
                XCTAssertEqual(awaited1, 0)
            }
            let awaited2 = try await env.count("summer_campus")
            XCTAssertEqual(awaited2, 1)
            let anonymous = try await client.call(.get, "/source/campus/")
            XCTAssertEqual(anonymous.code, 401)
        }
    }

    func testFieldErrorsInOrderAndNothingWritten() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let cases: [([String: Any], String, String)] = [
                (["name": Absent()], "name", "该字段是必填项。"),
                (["name": NSNull()], "name", "该字段不能为 null。"),
                (["name": "  "], "name", "该字段不能为空。"),
                (["name": ["a"]], "name", "请填写合法的字符串。"),
                (["name": String(repeating: "校", count: 31)], "name", "请确保这个字段不能超过 30 个字符。"),
                (["info": Absent()], "info", "该字段是必填项。"),
                (["info": String(repeating: "i", count: 101)], "info", "请确保这个字段不能超过 100 个字符。"),
                (["network_course": "maybe"], "network_course", "“maybe” 不是合法的布尔值。"),
                (["name": "", "info": Absent()], "name", "该字段不能为空。"),
            ]
            for (changes, field, msg) in cases {
                let r = try await client.call(.post, "/source/campus/", ticket: admin.ticket, json: withChanges(Self.valid, changes))
                assertEnvelope(r, code: 400, msg: msg, field: field)
            }
            let awaited3 = try await env.count("summer_campus")
            XCTAssertEqual(awaited3, 0)
        }
    }

    func testNamesStayUniqueOnCreateAndUpdate() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let wuhan = try await env.makeCampus("武汉校区")
            try await env.makeCampus("Old Campus", active: false)
            let beijing = try await env.makeCampus("北京校区")
            for name in ["武汉校区", "old campus"] {
                let r = try await client.call(.post, "/source/campus/", ticket: admin.ticket, json: withChanges(Self.valid, ["name": name]))
                assertEnvelope(r, code: 400, msg: "校区名称已存在，不能重复创建", field: "non_field_errors")
            }
            // D17: renaming onto another campus fails; keeping one's own name does not.
            let clash = try await client.call(.patch, "/source/campus/\(beijing)/", ticket: admin.ticket, json: ["name": "武汉校区"])
            assertEnvelope(clash, code: 400, msg: "校区名称已存在，不能重复创建", field: "non_field_errors")
            let same = try await client.call(.put, "/source/campus/\(wuhan)/", ticket: admin.ticket, json: ["name": "武汉校区", "info": "新介绍"])
            assertEnvelope(same, code: 0, msg: "请求成功")
            XCTAssertEqual(same.data?["info"]?.stringValue, "新介绍")
            let awaited4 = try await env.count("summer_campus")
            XCTAssertEqual(awaited4, 3)
        }
    }

    func testUpdatePutRequiresFieldsPatchDoesNot() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let id = try await env.makeCampus("武汉校区", info: "旧")
            let put = try await client.call(.put, "/source/campus/\(id)/", ticket: admin.ticket, json: ["name": "武汉校区"])
            assertEnvelope(put, code: 400, msg: "该字段是必填项。", field: "info")
            let patch = try await client.call(.patch, "/source/campus/\(id)/", ticket: admin.ticket, json: ["network_course": true])
            assertEnvelope(patch, code: 0, msg: "请求成功")
            XCTAssertEqual(patch.data?["info"]?.stringValue, "旧")
            XCTAssertEqual(patch.data?["network_course"]?.boolValue, true)
            let empty = try await client.call(.patch, "/source/campus/\(id)/", ticket: admin.ticket, json: [:])
            XCTAssertEqual(empty.data, patch.data)
            let inactive = try await env.makeCampus("旧校区", active: false)
            assertNotFound(try await client.call(.put, "/source/campus/\(inactive)/", ticket: admin.ticket, json: Self.valid))
            assertNotFound(try await client.call(.patch, "/source/campus/x/", ticket: admin.ticket, json: Self.valid))
        }
    }

    func testAllProjectsListsActiveProjectsOnly() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            let other = try await env.makeCampus("北京校区")
            let p1 = try await env.makeProject(campusID: campus, fees: [2: 2_000_050, 1: 1_000_000])
            try await env.makeProject(campusID: campus, name: "停办", active: false)
            try await env.makeProject(campusID: other, name: "北京项目")
            let p3 = try await env.makeProject(campusID: campus, name: "夏季", applyFee: nil, fees: [:])
            let r = try await client.call(.get, "/source/campus/\(campus)/all_projects/", ticket: student.ticket)
            assertEnvelope(r, code: 0, msg: "请求成功")
            let data = try XCTUnwrap(r.data)
            XCTAssertEqual(data.objectValue?.keys.sorted(), ["create_time", "id", "info", "name", "network_course", "projects"])
            let projects = try XCTUnwrap(data["projects"]?.arrayValue)
            XCTAssertEqual(projects.map { $0["id"]?.intValue }, [p1, p3])
            XCTAssertEqual(projects[0]["campus"]?["id"]?.intValue, campus)
            XCTAssertEqual(projects[0]["project_course_fee"]?.arrayValue?.map { $0["course_info"]?.stringValue }, ["1门", "2门"])
            XCTAssertEqual(projects[0]["project_course_fee"]?[1]?["course_fee"]?.doubleValue, 20000.5)
            XCTAssertTrue(projects[1]["apply_fee"]?.isNull ?? false)
        }
    }
}
