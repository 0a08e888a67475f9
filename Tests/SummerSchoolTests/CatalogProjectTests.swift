import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/source/project/...` (catalog spec S6–S11, D10, D15, decisions 13 and 37).
final class CatalogProjectTests: XCTestCase {
    static func valid(campus: Int) -> [String: Any] {
        [
            "campus": campus, "name": "冬季课程", "start_date": "2017-12-25", "end_date": "2018-01-12", "address": "武汉市",
            "info": "3周课程", "apply_fee": 2000, "course_num": 4,
            "project_fees": [["course_number": 2, "course_fee": 23120], ["course_number": 1, "course_fee": "23120.005"],
                             ["course_number": 3, "course_fee": 28120.1]],
        ]
    }

    private struct FeeRow: Decodable, Equatable { let course_number: Int; let course_fee: Int64 }
    private static func fees(_ env: SummerTestEnv, project: Int) async throws -> [FeeRow] {
        try await env.sql.raw("""
            SELECT course_number, course_fee FROM summer_project_course_fee WHERE project_id = \(bind: project) ORDER BY course_number
            """).all(decoding: FeeRow.self)
    }

    func testCreateRendersPWithAscendingFeeTableInCents() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let r = try await client.call(.post, "/source/project/", ticket: admin.ticket, json: Self.valid(campus: campus))
            assertEnvelope(r, code: 0, msg: "请求成功")
            let p = try XCTUnwrap(r.data)
            XCTAssertEqual(p.objectValue?.keys.sorted(), ["address", "apply_fee", "campus", "course_num", "create_time", "end_date",
                                                         "id", "info", "name", "project_course_fee", "start_date"])
            XCTAssertEqual(p["campus"]?.objectValue?.keys.sorted(), ["create_time", "id", "info", "name", "network_course"])
            XCTAssertEqual(p["start_date"]?.stringValue, "2017-12-25")
            XCTAssertEqual(p["apply_fee"]?.doubleValue, 2000)
            let table = try XCTUnwrap(p["project_course_fee"]?.arrayValue)
            XCTAssertEqual(table.map { $0["course_number"]?.intValue }, [1, 2, 3])
            XCTAssertEqual(table.map { $0["course_info"]?.stringValue }, ["1门", "2门", "3门"])
            XCTAssertEqual(table[0].objectValue?.keys.sorted(), ["course_fee", "course_info", "course_number", "id"])
            let awaited1 = try await Self.fees(env, project: 1)
            XCTAssertEqual(awaited1, [FeeRow(course_number: 1, course_fee: 2_312_001),
                                                                 FeeRow(course_number: 2, course_fee: 2_312_000),
                                                                 FeeRow(course_number: 3, course_fee: 2_812_010)])
            XCTAssertEqual(table[2]["course_fee"]?.doubleValue, 28120.1)

            // Optional fields may be null or left out; apply_fee null stays null.
            let minimal = try await client.call(.post, "/source/project/", ticket: admin.ticket, json: withChanges(Self.valid(campus: campus), [
                "name": NSNull(), "address": Absent(), "info": NSNull(), "apply_fee": NSNull()]))
            assertEnvelope(minimal, code: 0, msg: "请求成功")
            XCTAssertTrue(minimal.data?["name"]?.isNull ?? false)
            XCTAssertTrue(minimal.data?["address"]?.isNull ?? false)
            XCTAssertTrue(minimal.data?["apply_fee"]?.isNull ?? false)
        }
    }

    func testReadsAreOpenWritesAdminOnlyRoleBeforeMethod() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            for role in [Role.student, .market, .product, .finance] {
                let caller = try await env.account("user\(role.rawValue)", role: role)
                for path in ["/source/project/", "/source/project/\(project)/", "/source/project/\(project)/related_courses/",
                             "/source/project/?pagination=false"] {
                    let awaited2 = try await client.call(.get, path, ticket: caller.ticket).code
                    XCTAssertEqual(awaited2, 0, "\(role) \(path)")
                }
                assertForbidden(try await client.call(.post, "/source/project/", ticket: caller.ticket, json: Self.valid(campus: campus)))
                assertForbidden(try await client.call(.put, "/source/project/\(project)/", ticket: caller.ticket, json: Self.valid(campus: campus)))
                assertForbidden(try await client.call(.patch, "/source/project/\(project)/", ticket: caller.ticket, json: [:]))
                assertForbidden(try await client.call(.put, "/source/project/\(project)/project_course_fee/", ticket: caller.ticket, json: [:]))
                // The role check runs before the method check.
                assertForbidden(try await client.call(.delete, "/source/project/\(project)/", ticket: caller.ticket))
                assertForbidden(try await client.call(.put, "/source/project/", ticket: caller.ticket, json: [:]))
                assertForbidden(try await client.call(.get, "/source/project/\(project)/project_course_fee/", ticket: caller.ticket))
                // A missing project is still a role failure for a write.
                assertForbidden(try await client.call(.patch, "/source/project/999/", ticket: caller.ticket, json: [:]))
            }
            assertEnvelope(try await client.call(.delete, "/source/project/\(project)/", ticket: admin.ticket), code: 405, msg: "方法 “DELETE” 不被允许。")
            assertEnvelope(try await client.call(.get, "/source/project/\(project)/project_course_fee/", ticket: admin.ticket), code: 405, msg: "方法 “GET” 不被允许。")
            assertEnvelope(try await client.call(.post, "/source/project/\(project)/related_courses/", ticket: admin.ticket, json: [:]), code: 405, msg: "方法 “POST” 不被允许。")
            let awaited3 = try await env.count("summer_project")
            XCTAssertEqual(awaited3, 1)
        }
    }

    func testListPaginatedOrPlainActiveOnly() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            var ids: [Int] = []
            for n in 1...12 { ids.append(try await env.makeProject(campusID: campus, name: "项目\(n)")) }
            try await env.makeProject(campusID: campus, name: "停办", active: false)
            let page1 = try await client.call(.get, "/source/project/", ticket: student.ticket)
            XCTAssertEqual(page1.data?["count"]?.intValue, 12)
            XCTAssertEqual(page1.data?["results"]?.arrayValue?.map { $0["id"]?.intValue }, Array(ids.prefix(10)))
            XCTAssertEqual(page1.data?["next"]?.stringValue?.hasSuffix("/source/project/?page=2"), true)
            let page2 = try await client.call(.get, "/source/project/?page=2", ticket: student.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.count, 2)
            for value in ["false", "FALSE", "False"] {
                let plain = try await client.call(.get, "/source/project/?pagination=\(value)&page=9", ticket: student.ticket)
                XCTAssertEqual(plain.data?.arrayValue?.map { $0["id"]?.intValue }, ids, value)
                XCTAssertEqual(plain.data?[0], page1.data?["results"]?[0])
            }
            let other = try await client.call(.get, "/source/project/?pagination=no", ticket: student.ticket)
            XCTAssertEqual(other.data?["count"]?.intValue, 12)
            assertEnvelope(try await client.call(.get, "/source/project/?page=3", ticket: student.ticket), code: 404, msg: "无效页面。")
            assertNotFound(try await client.call(.get, "/source/project/13/", ticket: student.ticket))
            assertNotFound(try await client.call(.get, "/source/project/x/", ticket: student.ticket))
        }
    }

    func testFieldErrorsInContractOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let inactive = try await env.makeCampus("旧校区", active: false)
            let valid = Self.valid(campus: campus)
            let cases: [([String: Any], String, String)] = [
                (["campus": Absent()], "campus", "该字段是必填项。"),
                (["campus": NSNull()], "campus", "该字段不能为 null。"),
                (["campus": 999], "campus", "无效主键 “999” － 对象不存在。"),
                (["campus": "abc"], "campus", "类型错误。期望为主键，得到的类型为 str。"),
                (["campus": [1]], "campus", "类型错误。期望为主键，得到的类型为 list。"),
                (["name": "  "], "name", "该字段不能为空。"),
                (["name": String(repeating: "项", count: 31)], "name", "请确保这个字段不能超过 30 个字符。"),
                (["start_date": Absent()], "start_date", "该字段是必填项。"),
                (["start_date": "2017-12"], "start_date", FieldMessage.date),
                (["end_date": "12/25/2017"], "end_date", FieldMessage.date),
                (["address": String(repeating: "a", count: 101)], "address", "请确保这个字段不能超过 100 个字符。"),
                (["info": String(repeating: "a", count: 256)], "info", "请确保这个字段不能超过 255 个字符。"),
                (["apply_fee": -0.01], "apply_fee", "请确保该值大于或者等于 0。"),
                (["apply_fee": "abc"], "apply_fee", "请填写合法的数字。"),
                (["course_num": Absent()], "course_num", "该字段是必填项。"),
                (["course_num": -1], "course_num", "请确保该值大于或者等于 0。"),
                (["course_num": 1.5], "course_num", "请填写合法的整数值。"),
                (["course_num": 3_000_000_000], "course_num", "请确保该值小于或者等于 2147483647。"),
                (["project_fees": Absent()], "project_fees", "该字段是必填项。"),
                (["project_fees": NSNull()], "project_fees", "该字段不能为 null。"),
                (["project_fees": "1"], "project_fees", "期望为一个包含物件的列表，得到的类型是“str”。"),
                (["project_fees": ["course_number": 1]], "project_fees", "期望为一个包含物件的列表，得到的类型是“dict”。"),
                (["campus": 999, "course_num": -1], "campus", "无效主键 “999” － 对象不存在。"),
            ]
            for (changes, field, msg) in cases {
                let r = try await client.call(.post, "/source/project/", ticket: admin.ticket, json: withChanges(valid, changes))
                assertEnvelope(r, code: 400, msg: msg, field: field)
            }
            // An inactive campus is still a valid campus.
            let onInactive = try await client.call(.post, "/source/project/", ticket: admin.ticket, json: withChanges(valid, ["campus": inactive]))
            XCTAssertEqual(onInactive.code, 0, onInactive.bodyText)
            let awaited4 = try await env.count("summer_project")
            XCTAssertEqual(awaited4, 1)
        }
    }

    /// The five ordered checks of S7 (D15), all `non_field_errors`.
    nonisolated(unsafe) static let feeCases: [(Any, String)] = [
        ([] as [Any], "project_fees不能空"),
        ([["course_number": 1, "course_fee": 1], 5], "project_fees的子项必须为dict"),
        ([["course_number": 1, "course_fee": 1], ["course_number": 2]], "project_fees子项传入错误，必须含有course_number, course_fee字段"),
        ([["course_fee": 1], "x"], "project_fees的子项必须为dict"),
        ([["course_number": 0, "course_fee": 1]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 1.5, "course_fee": 1]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": "a", "course_fee": 1]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 1, "course_fee": -1]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 1, "course_fee": "abc"]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 1, "course_fee": true]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 1, "course_fee": 1, "extra": 1]], "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"),
        ([["course_number": 2, "course_fee": 1], ["course_number": 2, "course_fee": 1]], "project_fees参数传入错误，project_fees最大课程数量与传入要设置课程费用的个数不匹配"),
        ([["course_number": 1, "course_fee": 1], ["course_number": 3, "course_fee": 1]], "project_fees参数传入错误，project_fees最大课程数量与传入要设置课程费用的个数不匹配"),
        ([["course_number": 2, "course_fee": 1]], "project_fees参数传入错误，project_fees最大课程数量与传入要设置课程费用的个数不匹配"),
    ]

    func testFeeTableChecksOnCreate() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            for (fees, msg) in Self.feeCases {
                let r = try await client.call(.post, "/source/project/", ticket: admin.ticket, json: withChanges(Self.valid(campus: campus), ["project_fees": fees]))
                assertEnvelope(r, code: 400, msg: msg, field: "non_field_errors")
            }
            let awaited5 = try await env.count("summer_project")
            XCTAssertEqual(awaited5, 0)
            let awaited6 = try await env.count("summer_project_course_fee")
            XCTAssertEqual(awaited6, 0)
        }
    }

    func testUpdateReplacesFeeTableOnlyWhenNonEmpty() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let other = try await env.makeCampus("北京校区")
            let id = try await env.makeProject(campusID: campus, fees: [1: 100, 2: 200, 3: 300])
            // PUT with an empty list: fields replaced, table unchanged.
            let put = try await client.call(.put, "/source/project/\(id)/", ticket: admin.ticket, json: withChanges(Self.valid(campus: other), [
                "project_fees": [] as [Any], "name": "新名字", "apply_fee": "1100.10"]))
            assertEnvelope(put, code: 0, msg: "请求成功")
            XCTAssertEqual(put.data?["campus"]?["id"]?.intValue, other)
            XCTAssertEqual(put.data?["name"]?.stringValue, "新名字")
            XCTAssertEqual(put.data?["apply_fee"]?.doubleValue, 1100.1)
            XCTAssertEqual(put.data?["project_course_fee"]?.arrayValue?.count, 3)
            // PUT needs campus, dates, course_num and project_fees.
            for field in ["campus", "start_date", "end_date", "course_num", "project_fees"] {
                let r = try await client.call(.put, "/source/project/\(id)/", ticket: admin.ticket, json: withChanges(Self.valid(campus: campus), [field: Absent()]))
                assertEnvelope(r, code: 400, msg: "该字段是必填项。", field: field)
            }
            // Non-empty lists are checked like on create (D15) and replace the whole table.
            for (fees, msg) in Self.feeCases.dropFirst() {
                let r = try await client.call(.patch, "/source/project/\(id)/", ticket: admin.ticket, json: ["name": "改", "project_fees": fees])
                assertEnvelope(r, code: 400, msg: msg, field: "non_field_errors")
            }
            let awaited7 = try await Self.fees(env, project: id).map(\.course_fee)
            XCTAssertEqual(awaited7, [100, 200, 300])
            let patch = try await client.call(.patch, "/source/project/\(id)/", ticket: admin.ticket, json: [
                "project_fees": [["course_number": 1, "course_fee": 5]]])
            assertEnvelope(patch, code: 0, msg: "请求成功")
            XCTAssertEqual(patch.data?["name"]?.stringValue, "新名字")
            let awaited8 = try await Self.fees(env, project: id)
            XCTAssertEqual(awaited8, [FeeRow(course_number: 1, course_fee: 500)])
            // PATCH may clear nullable fields.
            let cleared = try await client.call(.patch, "/source/project/\(id)/", ticket: admin.ticket, json: ["apply_fee": NSNull(), "address": NSNull()])
            XCTAssertTrue(cleared.data?["apply_fee"]?.isNull ?? false)
            XCTAssertTrue(cleared.data?["address"]?.isNull ?? false)
            let inactive = try await env.makeProject(campusID: campus, active: false)
            assertNotFound(try await client.call(.patch, "/source/project/\(inactive)/", ticket: admin.ticket, json: [:]))
        }
    }

    func testProjectCourseFeeReplacesTable() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let id = try await env.makeProject(campusID: campus, fees: [1: 100, 2: 200, 3: 300])
            let path = "/source/project/\(id)/project_course_fee/"
            assertEnvelope(try await client.call(.put, path, ticket: admin.ticket, json: [:]), code: 400, msg: "该字段是必填项。", field: "project_fees")
            assertEnvelope(try await client.call(.put, path, ticket: admin.ticket, json: ["project_fees": 3]),
                           code: 400, msg: "期望为一个包含物件的列表，得到的类型是“int”。", field: "project_fees")
            for (fees, msg) in Self.feeCases {
                let r = try await client.call(.put, path, ticket: admin.ticket, json: ["project_fees": fees])
                assertEnvelope(r, code: 400, msg: msg, field: "non_field_errors")
            }
            let awaited9 = try await Self.fees(env, project: id).count
            XCTAssertEqual(awaited9, 3)
            let r = try await client.call(.put, path, ticket: admin.ticket, json: ["project_fees": [
                ["course_number": 2, "course_fee": 2000], ["course_number": 1, "course_fee": 1000.5]]])
            assertEnvelope(r, code: 0, msg: "请求成功")
            XCTAssertEqual(r.data?["id"]?.intValue, id)
            XCTAssertEqual(r.data?["project_course_fee"]?.arrayValue?.map { $0["course_fee"]?.doubleValue }, [1000.5, 2000])
            let awaited10 = try await Self.fees(env, project: id)
            XCTAssertEqual(awaited10, [FeeRow(course_number: 1, course_fee: 100_050), FeeRow(course_number: 2, course_fee: 200_000)])
            assertNotFound(try await client.call(.put, "/source/project/999/project_course_fee/", ticket: admin.ticket, json: ["project_fees": []]))
        }
    }

    func testRelatedCoursesActiveOnlyInLinkOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let other = try await env.makeProject(campusID: campus, name: "其他")
            let art = try await env.makeCourse("ART 12")
            let math = try await env.makeCourse("MATH 1", name: "Calculus")
            let old = try await env.makeCourse("OLD 1", active: false)
            try await env.offer(courseID: math, inProject: project)
            try await env.offer(courseID: old, inProject: project)
            try await env.offer(courseID: art, inProject: project)
            try await env.offer(courseID: art, inProject: other)
            let r = try await client.call(.get, "/source/project/\(project)/related_courses/", ticket: student.ticket)
            assertEnvelope(r, code: 0, msg: "请求成功")
            let courses = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(courses.map { $0["id"]?.intValue }, [math, art])
            XCTAssertEqual(courses[0].objectValue?.keys.sorted(), ["course_code", "create_time", "credit", "id", "max_num", "name"])
            let inactive = try await env.makeProject(campusID: campus, active: false)
            assertNotFound(try await client.call(.get, "/source/project/\(inactive)/related_courses/", ticket: student.ticket))
        }
    }
}
