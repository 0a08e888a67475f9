import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `POST /source/course_project/` (catalog spec S18, D1).
final class CatalogCourseProjectTests: XCTestCase {
    static func valid(course: Int, project: Int) -> [String: Any] {
        ["course": course, "project": project, "professor": "Iron Musk", "start_time": "2017-11-15", "end_time": "2017-11-29",
         "address": "武汉大学地质楼"]
    }

    func testLinkCourseToProject() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let course = try await env.makeCourse("ART 12")
            let r = try await client.call(.post, "/source/course_project/", ticket: admin.ticket, json: Self.valid(course: course, project: project))
            assertEnvelope(r, code: 0, msg: "关联成功")
            XCTAssertEqual(r.data, .object([:]))
            struct Row: Decodable { let project_id: Int; let course_id: Int; let professor: String; let start_time: String; let address: String }
            let row = try await env.sql.raw("SELECT project_id, course_id, professor, start_time, address FROM summer_course_project")
                .first(decoding: Row.self)
            XCTAssertEqual(row?.project_id, project)
            XCTAssertEqual(row?.course_id, course)
            XCTAssertEqual(row?.start_time, "2017-11-15")
            let again = try await client.call(.post, "/source/course_project/", ticket: admin.ticket, json: withChanges(Self.valid(course: course, project: project), ["professor": "B"]))
            assertEnvelope(again, code: 400, msg: "字段 project, course 必须能构成唯一集合。", field: "non_field_errors")
            let awaited1 = try await env.count("summer_course_project")
            XCTAssertEqual(awaited1, 1)
            // The link shows up in both related lists.
            let related = try await client.call(.get, "/source/project/\(project)/related_courses/", ticket: admin.ticket)
            XCTAssertEqual(related.data?.arrayValue?.map { $0["id"]?.intValue }, [course])
            // Only POST is routed.
            assertEnvelope(try await client.call(.get, "/source/course_project/", ticket: admin.ticket), code: 405, msg: "方法 “GET” 不被允许。")
        }
    }

    func testAdminOnlyAndFieldErrors() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let course = try await env.makeCourse("ART 12")
            let valid = Self.valid(course: course, project: project)
            for role in [Role.student, .market, .product, .finance] {
                let caller = try await env.account("user\(role.rawValue)", role: role)
                assertForbidden(try await client.call(.post, "/source/course_project/", ticket: caller.ticket, json: valid))
            }
            let cases: [([String: Any], String, String)] = [
                (["course": Absent()], "course", "该字段是必填项。"),
                (["course": 999], "course", "无效主键 “999” － 对象不存在。"),
                (["course": "x"], "course", "类型错误。期望为主键，得到的类型为 str。"),
                (["project": NSNull()], "project", "该字段不能为 null。"),
                (["project": 999], "project", "无效主键 “999” － 对象不存在。"),
                (["professor": " "], "professor", "该字段不能为空。"),
                (["professor": String(repeating: "p", count: 31)], "professor", "请确保这个字段不能超过 30 个字符。"),
                (["start_time": Absent()], "start_time", "该字段是必填项。"),
                (["start_time": "2017/11/15"], "start_time", FieldMessage.date),
                (["end_time": 3], "end_time", FieldMessage.date),
                (["address": Absent()], "address", "该字段是必填项。"),
                (["address": String(repeating: "a", count: 101)], "address", "请确保这个字段不能超过 100 个字符。"),
                (["course": 999, "project": 999], "course", "无效主键 “999” － 对象不存在。"),
            ]
            for (changes, field, msg) in cases {
                let r = try await client.call(.post, "/source/course_project/", ticket: admin.ticket, json: withChanges(valid, changes))
                assertEnvelope(r, code: 400, msg: msg, field: field)
            }
            let awaited2 = try await env.count("summer_course_project")
            XCTAssertEqual(awaited2, 0)
        }
    }
}
