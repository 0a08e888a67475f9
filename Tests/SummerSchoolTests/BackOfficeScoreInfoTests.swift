import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/student/score_info/{user_id}/` (back office §4 B, DV-7, decision 21).
final class BackOfficeScoreInfoTests: XCTestCase {
    static var full: [String: Any] { [
        "department": "英语部", "phone": "010-2014567", "country": "中国", "post_code": "631741", "address": "北京大学昌平区E栋1233号",
    ] }

    func testReadShowsNewestAddressAndNeverInserts() async throws {
        try await SummerTestEnv.run { env, client in
            let product = try await env.account("product01", role: .product)
            let student = try await env.makeUser("student01")
            let empty = try await client.call(.get, "/admin/student/score_info/\(student)/", ticket: product.ticket)
            XCTAssertEqual(empty.code, 0, empty.bodyText)
            XCTAssertEqual(empty.data, .object([
                "user": .int(Int64(student)), "department": .string(""), "phone": .string(""), "country": .string(""),
                "post_code": .string(""), "address": .string("")]))
            let rowsAfterRead = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterRead, 0)

            try await env.makeScoreDetail(userID: student, address: "旧地址")
            try await env.makeScoreDetail(userID: student, address: "新地址")
            let other = try await env.makeUser("student02")
            try await env.makeScoreDetail(userID: other, address: "别人的地址")
            let newest = try await client.call(.get, "/admin/student/score_info/\(student)/", ticket: product.ticket)
            XCTAssertEqual(newest.data?["address"]?.stringValue, "新地址")
            XCTAssertEqual(newest.data?["user"]?.intValue, student)
            XCTAssertNil(newest.data?["id"])
            // Any user id works (staff too); unknown and non-integer ids are 404 `未找到用户信息`.
            let staffUserCode = try await client.call(.get, "/admin/student/score_info/\(product.id)/", ticket: product.ticket).code
            XCTAssertEqual(staffUserCode, 0)
            for id in ["9999", "abc", "1.5"] {
                let r = try await client.call(.get, "/admin/student/score_info/\(id)/", ticket: product.ticket)
                if id == "1.5" { XCTAssertEqual(r.status, .notFound); continue }  // `.` never matches `{id}`
                XCTAssertEqual(r.code, 404, r.bodyText)
                XCTAssertEqual(r.msg, "未找到用户信息")
                XCTAssertEqual(r.fieldName, "")
            }
            let rowsAfterReads = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterReads, 3)
        }
    }

    func testAccessAndUnroutedPaths() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let finance = try await env.account("finance01", role: .finance)
            let r = try await client.call(.get, "/admin/student/score_info/\(student.id)/", ticket: student.ticket)
            XCTAssertEqual(r.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let anonymousCode = try await client.call(.get, "/admin/student/score_info/\(student.id)/").code
            XCTAssertEqual(anonymousCode, 401)
            let financeCode = try await client.call(.get, "/admin/student/score_info/\(student.id)/", ticket: finance.ticket).code
            XCTAssertEqual(financeCode, 0)
            for method in [HTTPRequest.Method.post, .delete] {
                let m = try await client.call(method, "/admin/student/score_info/\(student.id)/", ticket: finance.ticket, json: Self.full)
                XCTAssertEqual(m.code, 405)
            }
            // No list route.
            let list = try await client.call(.get, "/admin/student/score_info/", ticket: finance.ticket)
            XCTAssertEqual(list.status, .notFound)
            XCTAssertEqual(list.code, 404)
            XCTAssertEqual(list.msg, "接口不存在")
            let rowsAfterRefusals = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterRefusals, 0)
        }
    }

    func testPutAndPatchEditTheNewestRowOrCreateOne() async throws {
        try await SummerTestEnv.run { env, client in
            let market = try await env.account("market001", role: .market)
            let student = try await env.makeUser("student01")
            let other = try await env.makeUser("student02")
            let path = "/admin/student/score_info/\(student)/"

            // No row yet: PATCH creates one with the missing fields blank.
            let created = try await client.call(.patch, path, ticket: market.ticket, json: ["country": "美国", "user": other])
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data, .object([
                "user": .int(Int64(student)), "department": .string(""), "phone": .string(""), "country": .string("美国"),
                "post_code": .string(""), "address": .string("")]))
            let rowsAfterCreate = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterCreate, 1)

            // The newest of several rows is the one edited; `user` cannot move it (DV-7).
            try await env.makeScoreDetail(userID: student, address: "旧")
            let put = try await client.call(.put, path, ticket: market.ticket, json: Self.full.merging(["user": other]) { $1 })
            XCTAssertEqual(put.code, 0, put.bodyText)
            XCTAssertEqual(put.data?["address"]?.stringValue, "北京大学昌平区E栋1233号")
            XCTAssertEqual(put.data?["user"]?.intValue, student)
            struct Row: Decodable { let id: Int; let user_id: Int; let address: String; let country: String }
            let rows = try await env.sql.raw("SELECT id, user_id, address, country FROM summer_student_score_detail ORDER BY id")
                .all(decoding: Row.self)
            XCTAssertEqual(rows.map(\.address), ["", "北京大学昌平区E栋1233号"])
            XCTAssertEqual(rows.map(\.user_id), [student, student])
            let patch = try await client.call(.patch, path, ticket: market.ticket, form: "phone=%20123%20")
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["phone"]?.stringValue, "123")
            XCTAssertEqual(patch.data?["country"]?.stringValue, "中国")
            let shown = try await client.call(.get, path, ticket: market.ticket)
            XCTAssertEqual(shown.data, patch.data)
            // An empty PATCH changes nothing and succeeds.
            let emptyPatch = try await client.call(.patch, path, ticket: market.ticket, json: [:]).data
            XCTAssertEqual(emptyPatch, patch.data)
            let rowsAfterEdits = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterEdits, 2)
        }
    }

    func testValidationInDeclaredOrderWritesNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            let path = "/admin/student/score_info/\(student)/"
            let cases: [(HTTPRequest.Method, [String: Any], String, String)] = [
                (.put, [:], "department", "该字段是必填项。"),
                (.put, ["department": "x"], "phone", "该字段是必填项。"),
                (.put, Self.full.merging(["address": NSNull()]) { $1 }, "address", "该字段不能为 null。"),
                (.put, Self.full.merging(["department": String(repeating: "a", count: 31)]) { $1 }, "department", "请确保这个字段不能超过 30 个字符。"),
                (.put, Self.full.merging(["address": String(repeating: "a", count: 61)]) { $1 }, "address", "请确保这个字段不能超过 60 个字符。"),
                (.patch, ["post_code": "  "], "post_code", "该字段不能为空。"),
                (.patch, ["country": ["a"], "department": ""], "department", "该字段不能为空。"),
                (.patch, ["country": ["a"]], "country", "请填写合法的字符串。"),
            ]
            for (method, body, field, msg) in cases {
                let r = try await client.call(method, path, ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body): \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, msg, "\(body)")
            }
            // The lookup comes before the body.
            let missing = try await client.call(.put, "/admin/student/score_info/9999/", ticket: admin.ticket, json: [:])
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.msg, "未找到用户信息")
            let ok = try await client.call(.put, path, ticket: admin.ticket,
                                           json: Self.full.merging(["address": String(repeating: "a", count: 60)]) { $1 })
            XCTAssertEqual(ok.code, 0, ok.bodyText)
            let rowsAfterErrors = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rowsAfterErrors, 1)
        }
    }

    /// Concurrent first edits of one student end in a single address row.
    func testConcurrentFirstEditsCreateOneRow() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        try await client.call(.patch, "/admin/student/score_info/\(student)/", ticket: admin.ticket,
                                              json: ["department": "部门\(n)"]).code
                    }
                }
                for try await code in group { XCTAssertEqual(code, 0) }
            }
            let rows = try await env.count("summer_student_score_detail")
            XCTAssertEqual(rows, 1)
        }
    }
}
