import HTTPTypes
import NIOCore
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// `/order/shopping_chart/` (O1–O5): the caller's NEW items only, fee snapshots, own mailing address.
final class CartTests: XCTestCase {
    func testAddShowsTheItemWithItsProjectAndSnapshotFee() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let detail = try await env.makeScoreDetail(userID: student.id)
            let r = try await client.call(.post, "/order/shopping_chart/", ticket: student.ticket, json: [
                "project": project, "course_num": 3, "stu_score_detail": detail])
            XCTAssertEqual(r.code, 0, r.bodyText)
            let data = try XCTUnwrap(r.data)
            XCTAssertEqual(Set(data.objectValue?.keys.map { $0 } ?? []),
                           ["id", "project", "course_num", "course_fee", "create_time", "stu_score_detail"])
            XCTAssertEqual(data["course_fee"]?.cents, 2_812_000)
            XCTAssertEqual(data["course_num"]?.intValue, 3)
            XCTAssertEqual(data["project"]?["id"]?.intValue, project)
            XCTAssertEqual(data["project"]?["apply_fee"]?.cents, 200_000)
            XCTAssertEqual(data["project"]?["project_course_fee"]?.arrayValue?.count, 3)
            XCTAssertEqual(data["project"]?["campus"]?["name"]?.stringValue?.hasPrefix("校区"), true)
            XCTAssertEqual(data["stu_score_detail"]?["id"]?.intValue, detail)
            XCTAssertEqual(data["stu_score_detail"]?["user"]?.intValue, student.id)
            let id = try XCTUnwrap(data["id"]?.intValue)

            // The snapshot does not follow later changes of the fee table.
            try await env.sql.raw("UPDATE summer_project_course_fee SET course_fee = 1 WHERE project_id = \(bind: project)").run()
            let detailResponse = try await client.call(.get, "/order/shopping_chart/\(id)/", ticket: student.ticket)
            XCTAssertEqual(detailResponse.data?["course_fee"]?.cents, 2_812_000)

            // An update re-reads the current table.
            let patched = try await client.call(.patch, "/order/shopping_chart/\(id)/", ticket: student.ticket, json: ["course_num": 1])
            XCTAssertEqual(patched.code, 0, patched.bodyText)
            XCTAssertEqual(patched.data?["course_fee"]?.cents, 1)
            XCTAssertEqual(patched.data?["course_num"]?.intValue, 1)
            XCTAssertEqual(patched.data?["stu_score_detail"]?["id"]?.intValue, detail)  // merged from the item (D14)
        }
    }

    func testFieldErrorsAndTheFeeRowCheck() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let project = try await env.exampleProject()
            let inactive = try await env.makeProject(campusID: try await env.makeCampus("其他"), active: false)
            let detail = try await env.makeScoreDetail(userID: student.id)
            let othersDetail = try await env.makeScoreDetail(userID: other.id)
            let cases: [([String: Any], String, String)] = [
                (["course_num": 1, "stu_score_detail": detail], "project", "该字段是必填项。"),
                (["project": 9999, "course_num": 1, "stu_score_detail": detail], "project", "无效主键 “9999” － 对象不存在。"),
                (["project": "x", "course_num": 1, "stu_score_detail": detail], "project", "类型错误。期望为主键，得到的类型为 str。"),
                (["project": project, "stu_score_detail": detail], "course_num", "该字段是必填项。"),
                (["project": project, "course_num": 1.5, "stu_score_detail": detail], "course_num", "请填写合法的整数值。"),
                (["project": project, "course_num": -1, "stu_score_detail": detail], "course_num", "请确保该值大于或者等于 0。"),
                (["project": project, "course_num": 1], "stu_score_detail", "该字段是必填项。"),
                // D14: another student's address is reported as missing.
                (["project": project, "course_num": 1, "stu_score_detail": othersDetail], "stu_score_detail",
                 "无效主键 “\(othersDetail)” － 对象不存在。"),
                (["project": project, "course_num": 4, "stu_score_detail": detail], "non_field_errors", "项目课程数量错误，请重新选择"),
                (["project": inactive, "course_num": 1, "stu_score_detail": detail], "non_field_errors", "项目课程数量错误，请重新选择"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/order/shopping_chart/", ticket: student.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body) \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let count = try await env.count("summer_shopping_chart")
            XCTAssertEqual(count, 0)
        }
    }

    func testOnlyTheCallersNewItemsAreVisibleAndChangeable() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let project = try await env.exampleProject()
            let mine = try await env.makeChart(userID: student.id, projectID: project)
            let ordered = try await env.makeChart(userID: student.id, projectID: project, status: "ORDERED")
            let deleted = try await env.makeChart(userID: student.id, projectID: project, status: "DELETED")
            let theirs = try await env.makeChart(userID: other.id, projectID: project)
            let mine2 = try await env.makeChart(userID: student.id, projectID: project, courseNum: 2)

            let list = try await client.call(.get, "/order/shopping_chart/", ticket: student.ticket)
            XCTAssertEqual(list.code, 0, list.bodyText)
            XCTAssertEqual(list.data?["count"]?.intValue, 2)
            XCTAssertEqual(list.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue }, [mine, mine2])

            for id in [ordered, deleted, theirs, 99999] {
                for (method, body) in [(HTTPRequest.Method.get, nil), (.put, ["course_num": 1]), (.patch, ["course_num": 1]), (.delete, nil)] as [(HTTPRequest.Method, [String: Any]?)] {
                    let r = try await client.call(method, "/order/shopping_chart/\(id)/", ticket: student.ticket, json: body)
                    XCTAssertEqual(r.code, 404, "\(method) \(id)")
                    XCTAssertEqual(r.msg, "请求失败")
                }
            }
            let theirStatus = try await env.chartStatus(theirs)
            XCTAssertEqual(theirStatus, "NEW")

            // PUT requires every field.
            let put = try await client.call(.put, "/order/shopping_chart/\(mine)/", ticket: student.ticket, json: ["course_num": 2])
            XCTAssertEqual(put.fieldName, "project")
            XCTAssertEqual(put.msg, "该字段是必填项。")

            let removed = try await client.call(.delete, "/order/shopping_chart/\(mine)/", ticket: student.ticket)
            XCTAssertEqual(removed.code, 0)
            XCTAssertEqual(removed.data, .null)
            let status = try await env.chartStatus(mine)
            XCTAssertEqual(status, "DELETED")
            let again = try await client.call(.delete, "/order/shopping_chart/\(mine)/", ticket: student.ticket)
            XCTAssertEqual(again.code, 404)

            let post = try await client.call(.post, "/order/shopping_chart/\(mine2)/", ticket: student.ticket, json: [:])
            XCTAssertEqual(post.code, 405)
            let anonymous = try await client.call(.get, "/order/shopping_chart/")
            XCTAssertEqual(anonymous.code, 401)
        }
    }

    /// Deleting and ordering one item at the same time: exactly one of them takes it.
    func testConcurrentDeleteAndOrderOfOneItem() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            for _ in 0..<3 {
                try await env.sql.raw("UPDATE summer_order SET status = 'CANCELED'").run()
                let chart = try await env.makeChart(userID: student.id, projectID: project)
                let responses = try await OrderRequests.together([
                    { try await client.call(.delete, "/order/shopping_chart/\(chart)/", ticket: student.ticket) },
                    { try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: [chart])) },
                ])
                XCTAssertEqual(responses.filter { $0.code == 0 }.count, 1, responses.map(\.bodyText).joined())
                let status = try await env.chartStatus(chart)
                let orders = try await env.count("summer_order_chart", where: "chart_id = \(chart)")
                XCTAssertEqual(status == "ORDERED", orders == 1)
                XCTAssertTrue(status == "ORDERED" || status == "DELETED")
            }
        }
    }

    /// A multipart part whose header name has a non-ASCII byte is a malformed body (400), never a crash of the
    /// server (the multipart parser traps on such bytes unless they are refused first).
    func testMultipartHeaderNameWithNonASCIIBytesIsMalformed() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let boundary = "b51e27"
            var bytes = Array("--\(boundary)\r\n".utf8) + [0xC3, 0xA9, 0x46, 0xF2, 0xB9, 0x9F, 0xA0]
            bytes += Array("--\(boundary)--\r\n".utf8)
            let named = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"course_num\"\r\n\r\n1\r\n".utf8)
                + Array("--\(boundary)\r\n".utf8) + [0xE9, 0x3A, 0x20, 0x78, 0x0D, 0x0A, 0x0D, 0x0A, 0x31]
                + Array("\r\n--\(boundary)--\r\n".utf8)
            for body in [bytes, named] {
                let r = try await client.execute(
                    uri: "/order/shopping_chart/?ticket=\(student.ticket)", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
                XCTAssertEqual(r.code, 400, r.bodyText)
                XCTAssertEqual(r.msg, "多部分表单解析错误")
            }
            // Non-ASCII text in a header value or a part's content is fine.
            let valid = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"备注\"\r\n\r\n中文\r\n--\(boundary)--\r\n".utf8)
            let ok = try await client.execute(
                uri: "/order/shopping_chart/?ticket=\(student.ticket)", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: valid))
            XCTAssertEqual(ok.code, 400, ok.bodyText)
            XCTAssertEqual(ok.fieldName, "project")
        }
    }
}
