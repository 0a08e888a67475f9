import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/source/course/...` (catalog spec S12–S17, D1, D10, D16; back office C4).
final class CatalogCourseTests: XCTestCase {
    nonisolated(unsafe) static let valid: [String: Any] = ["course_code": "ART 12", "name": "Western Art 西方艺术", "max_num": 100, "credit": 4]

    func testCreateDetailListPlainList() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.account("student01", role: .student)
            let r = try await client.call(.post, "/source/course/", ticket: admin.ticket, json: withChanges(Self.valid, ["max_num": "100", "id": 9]))
            assertEnvelope(r, code: 0, msg: "请求成功")
            let course = try XCTUnwrap(r.data)
            XCTAssertEqual(course.objectValue?.keys.sorted(), ["course_code", "create_time", "credit", "id", "max_num", "name"])
            XCTAssertEqual(course["id"]?.intValue, 1)
            XCTAssertEqual(course["max_num"]?.intValue, 100)
            let awaited1 = try await client.call(.get, "/source/course/1/", ticket: student.ticket).data
            XCTAssertEqual(awaited1, course)
            try await env.makeCourse("OLD 1", active: false)
            for n in 2...11 { try await env.makeCourse("C \(n)") }
            let page = try await client.call(.get, "/source/course/", ticket: student.ticket)
            XCTAssertEqual(page.data?["count"]?.intValue, 11)
            XCTAssertEqual(page.data?["results"]?[0], course)
            XCTAssertEqual(page.data?["results"]?.arrayValue?.count, 10)
            let plain = try await client.call(.get, "/source/course/?pagination=False", ticket: student.ticket)
            XCTAssertEqual(plain.data?.arrayValue?.count, 11)
            XCTAssertFalse(plain.data?.arrayValue?.contains { $0["course_code"]?.stringValue == "OLD 1" } ?? true)
            assertNotFound(try await client.call(.get, "/source/course/2/", ticket: student.ticket))  // inactive
            assertNotFound(try await client.call(.get, "/source/course/abc/", ticket: student.ticket))
            assertEnvelope(try await client.call(.delete, "/source/course/1/", ticket: admin.ticket), code: 405, msg: "方法 “DELETE” 不被允许。")
            assertEnvelope(try await client.call(.get, "/source/course/?page=0", ticket: student.ticket), code: 404, msg: "无效页面。")
        }
    }

    func testWritesAreAdminOnly() async throws {
        try await SummerTestEnv.run { env, client in
            let course = try await env.makeCourse("ART 12")
            for role in [Role.student, .market, .product, .finance] {
                let caller = try await env.account("user\(role.rawValue)", role: role)
                assertForbidden(try await client.call(.post, "/source/course/", ticket: caller.ticket, json: withChanges(Self.valid, ["course_code": "N1"])))
                assertForbidden(try await client.call(.put, "/source/course/\(course)/", ticket: caller.ticket, json: Self.valid))
                assertForbidden(try await client.call(.patch, "/source/course/\(course)/", ticket: caller.ticket, json: ["name": "x"]))
                for path in ["/source/course/", "/source/course/\(course)/", "/source/course/\(course)/related_projects/", "/source/course/filter_elements/"] {
                    let awaited2 = try await client.call(.get, path, ticket: caller.ticket).code
                    XCTAssertEqual(awaited2, 0, "\(role) \(path)")
                }
            }
            let awaited3 = try await env.count("summer_course")
            XCTAssertEqual(awaited3, 1)
        }
    }

    func testFieldErrorsAndUniqueCode() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            try await env.makeCourse("OLD 1", active: false)
            let cases: [([String: Any], String, String)] = [
                (["course_code": Absent()], "course_code", "该字段是必填项。"),
                (["course_code": ""], "course_code", "该字段不能为空。"),
                (["course_code": String(repeating: "A", count: 31)], "course_code", "请确保这个字段不能超过 30 个字符。"),
                (["course_code": "OLD 1"], "course_code", "课程代码已存在"),
                (["name": NSNull()], "name", "该字段不能为 null。"),
                (["name": String(repeating: "n", count: 256)], "name", "请确保这个字段不能超过 255 个字符。"),
                (["max_num": Absent()], "max_num", "该字段是必填项。"),
                (["max_num": -1], "max_num", "请确保该值大于或者等于 0。"),
                (["max_num": "x"], "max_num", "请填写合法的整数值。"),
                (["credit": -1], "credit", "请确保该值大于或者等于 0。"),
                (["credit": 2_147_483_648], "credit", "请确保该值小于或者等于 2147483647。"),
                (["course_code": "OLD 1", "name": ""], "course_code", "课程代码已存在"),
            ]
            for (changes, field, msg) in cases {
                let r = try await client.call(.post, "/source/course/", ticket: admin.ticket, json: withChanges(Self.valid, changes))
                assertEnvelope(r, code: 400, msg: msg, field: field)
            }
            let awaited4 = try await env.count("summer_course")
            XCTAssertEqual(awaited4, 1)
        }
    }

    func testUpdate() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let art = try await env.makeCourse("ART 12")
            try await env.makeCourse("MATH 1")
            let put = try await client.call(.put, "/source/course/\(art)/", ticket: admin.ticket, json: withChanges(Self.valid, ["max_num": 5]))
            assertEnvelope(put, code: 0, msg: "请求成功")
            XCTAssertEqual(put.data?["max_num"]?.intValue, 5)
            assertEnvelope(try await client.call(.put, "/source/course/\(art)/", ticket: admin.ticket, json: withChanges(Self.valid, ["credit": Absent()])),
                           code: 400, msg: "该字段是必填项。", field: "credit")
            assertEnvelope(try await client.call(.patch, "/source/course/\(art)/", ticket: admin.ticket, json: ["course_code": "MATH 1"]),
                           code: 400, msg: "课程代码已存在", field: "course_code")
            let patch = try await client.call(.patch, "/source/course/\(art)/", ticket: admin.ticket, json: ["credit": 2])
            XCTAssertEqual(patch.data?["credit"]?.intValue, 2)
            XCTAssertEqual(patch.data?["course_code"]?.stringValue, "ART 12")
            let old = try await env.makeCourse("OLD 1", active: false)
            assertNotFound(try await client.call(.patch, "/source/course/\(old)/", ticket: admin.ticket, json: ["credit": 2]))
        }
    }

    func testRelatedProjectsExpandsActiveProjects() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            let p1 = try await env.makeProject(campusID: campus)
            let p2 = try await env.makeProject(campusID: campus, name: "停办", active: false)
            let p3 = try await env.makeProject(campusID: campus, name: "夏季")
            let art = try await env.makeCourse("ART 12")
            let l3 = try await env.offer(courseID: art, inProject: p3, professor: "Iron Musk")
            try await env.offer(courseID: art, inProject: p2)
            let l1 = try await env.offer(courseID: art, inProject: p1)
            let r = try await client.call(.get, "/source/course/\(art)/related_projects/", ticket: student.ticket)
            assertEnvelope(r, code: 0, msg: "请求成功")
            let data = try XCTUnwrap(r.data)
            XCTAssertEqual(data.objectValue?.keys.sorted(), ["course_code", "create_time", "credit", "id", "max_num", "name", "related_projects"])
            let links = try XCTUnwrap(data["related_projects"]?.arrayValue)
            XCTAssertEqual(links.map { $0["id"]?.intValue }, [l3, l1])
            XCTAssertEqual(links[0].objectValue?.keys.sorted(), ["address", "course", "create_time", "end_time", "id", "professor", "project", "start_time"])
            XCTAssertEqual(links[0]["course"]?.intValue, art)
            XCTAssertEqual(links[0]["project"]?["id"]?.intValue, p3)
            XCTAssertEqual(links[0]["project"]?["project_course_fee"]?.arrayValue?.count, 3)
            XCTAssertEqual(links[0]["professor"]?.stringValue, "Iron Musk")
            XCTAssertEqual(links[0]["start_time"]?.stringValue, "2026-01-01")
            let old = try await env.makeCourse("OLD 1", active: false)
            assertNotFound(try await client.call(.get, "/source/course/\(old)/related_projects/", ticket: student.ticket))
        }
    }

    func testFilterElementsListsEverything() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let wuhan = try await env.makeCampus()
            let old = try await env.makeCampus("旧校区", active: false)
            let empty = try await env.makeCampus("空校区")
            let p1 = try await env.makeProject(campusID: old, name: "旧项目", active: false)
            let p2 = try await env.makeProject(campusID: wuhan)
            try await env.sql.raw("UPDATE summer_project SET name = NULL WHERE id = \(bind: p1)").run()
            let r = try await client.call(.get, "/source/course/filter_elements/", ticket: student.ticket)
            assertEnvelope(r, code: 0, msg: "请求成功")
            let campuses = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(campuses.map { $0["id"]?.intValue }, [wuhan, old, empty])
            XCTAssertEqual(campuses[0].objectValue?.keys.sorted(), ["create_time", "id", "info", "name", "project_set"])
            XCTAssertEqual(campuses[0]["project_set"], .array([.object(["id": .int(Int64(p2)), "name": .string("冬季课程")])]))
            XCTAssertEqual(campuses[1]["project_set"], .array([.object(["id": .int(Int64(p1)), "name": .null])]))
            XCTAssertEqual(campuses[2]["project_set"], .array([]))
        }
    }
}
