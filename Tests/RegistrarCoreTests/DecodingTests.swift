import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SummerSchool
import Tutoring
import XCTest

final class DecodingTests: XCTestCase {
    private func withClient(
        _ style: APIStyle, _ policy: BodyPolicy, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await CoreTestApp.application(style: style, policy: policy, database: db).test(.router, body)
        }
    }

    private static func post(_ client: any TestClientProtocol, _ body: String, type: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let type { headers[.contentType] = type }
        return try await client.execute(uri: "/echo", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func testJSONObjectKeepsTypes() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, #"{"a": 1, "b": 2.5, "c": "x", "d": true, "e": null, "f": [1]}"#, type: "application/json")
            XCTAssertEqual(response.code, 0)
            let data = try XCTUnwrap(response.data)
            XCTAssertEqual(data["_source"], .string("json"))
            XCTAssertEqual(data["a"], .int(1))
            XCTAssertEqual(data["b"], .double(2.5))
            XCTAssertEqual(data["c"], .string("x"))
            XCTAssertEqual(data["d"], .bool(true))
            XCTAssertEqual(data["e"], .null)
            XCTAssertEqual(data["f"], .array([.int(1)]))
        }
    }

    func testMalformedJSON() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, "{nope", type: "application/json")
            XCTAssertEqual(response.json, .object([
                "code": .int(400), "msg": .string("JSON 格式错误"), "field_name": .string(""), "data": .object([:])]))
        }
        try await withClient(.tutoring, .tutoring) { client in
            let response = try await Self.post(client, "{nope", type: nil)
            XCTAssertEqual(response.json, .object([
                "code": .int(400), "msg": .string("请求数据格式错误"), "field_name": .string("")]))
        }
    }

    func testJSONThatIsNotAnObject() async throws {
        try await withClient(.summer, .summer) { client in
            let list = try await Self.post(client, "[1, 2]", type: "application/json")
            XCTAssertEqual(list.code, 400)
            XCTAssertEqual(list.msg, "无效数据。期待为字典类型，得到的是 list 。")
            XCTAssertEqual(list.fieldName, "non_field_errors")
            let number = try await Self.post(client, "3", type: "application/json")
            XCTAssertEqual(number.msg, "无效数据。期待为字典类型，得到的是 int 。")
        }
        try await withClient(.tutoring, .tutoring) { client in
            let response = try await Self.post(client, "\"text\"", type: "application/json")
            XCTAssertEqual(response.code, 400)
            XCTAssertEqual(response.msg, "请求数据格式错误")
        }
    }

    func testUnsupportedMediaType() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, "hello", type: "text/plain")
            XCTAssertEqual(response.code, 415)
            XCTAssertEqual(response.msg, "不支持请求中的媒体类型 “text/plain”。")
            XCTAssertEqual(response.fieldName, "")
        }
        // The tutoring API reads anything that is not a form as JSON.
        try await withClient(.tutoring, .tutoring) { client in
            let response = try await Self.post(client, #"{"a": "b"}"#, type: "text/plain")
            XCTAssertEqual(response.code, 0)
            XCTAssertEqual(response.data?["a"], .string("b"))
        }
    }

    func testEmptyBodyHasNoFields() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, "", type: "text/plain")
            XCTAssertEqual(response.code, 0)
            XCTAssertEqual(response.data, .object(["_source": .string("none")]))
        }
    }

    func testFormKeepsRepeatedKeysInOrder() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(
                client, "wcampus=a&wcampus=b&name=%E5%BC%A0+%E4%B8%89&empty=", type: "application/x-www-form-urlencoded; charset=utf-8")
            XCTAssertEqual(response.data?["_source"], .string("form"))
            XCTAssertEqual(response.data?["wcampus"], .array([.string("a"), .string("b")]))
            XCTAssertEqual(response.data?["name"], .array([.string("张 三")]))
            XCTAssertEqual(response.data?["empty"], .array([.string("")]))
        }
    }

    func testQueryString() async throws {
        try await withClient(.tutoring, .tutoring) { client in
            let response = try await client.execute(uri: "/query?page=2&page=3&q=%E6%9D%8E", method: .get)
            XCTAssertEqual(response.data?["_source"], .string("query"))
            XCTAssertEqual(response.data?["page"], .array([.string("2"), .string("3")]))
            XCTAssertEqual(response.data?["q"], .array([.string("李")]))
        }
    }

    func testMultipartTextAndFileParts() async throws {
        try await withClient(.summer, .summer) { client in
            let body = [
                "--XyZ",
                "Content-Disposition: form-data; name=\"name\"",
                "",
                "王五",
                "--XyZ",
                "Content-Disposition: form-data; name=\"qr_code\"; filename=\"a.png\"",
                "Content-Type: image/png",
                "",
                "PNGDATA",
                "--XyZ--",
                "",
            ].joined(separator: "\r\n")
            let response = try await Self.post(client, body, type: "multipart/form-data; boundary=XyZ")
            XCTAssertEqual(response.code, 0)
            XCTAssertEqual(response.data?["_source"], .string("multipart"))
            XCTAssertEqual(response.data?["name"], .array([.string("王五")]))
            XCTAssertEqual(response.data?["qr_code"], .string("file:a.png:7"))
        }
    }

    func testMalformedMultipart() async throws {
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, "garbage", type: "multipart/form-data")
            XCTAssertEqual(response.code, 400)
            XCTAssertEqual(response.msg, "多部分表单解析错误")
        }
    }

    func testOversizedBodies() async throws {
        let big = "{\"a\": \"" + String(repeating: "x", count: (1 << 20) + 10) + "\"}"
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, big, type: "application/json")
            XCTAssertEqual(response.code, 400)
            XCTAssertEqual(response.msg, "请求数据过大")
            XCTAssertEqual(response.fieldName, "")
        }
        try await withClient(.tutoring, .tutoring) { client in
            let response = try await Self.post(client, big, type: "application/json")
            XCTAssertEqual(response.code, 400)
            XCTAssertEqual(response.msg, "请求数据格式错误")
        }
    }

    func testMultipartMayBeLargerThanJSON() async throws {
        let payload = String(repeating: "y", count: 2 << 20)
        let body = "--B\r\nContent-Disposition: form-data; name=\"img\"\r\n\r\n\(payload)\r\n--B--\r\n"
        try await withClient(.summer, .summer) { client in
            let response = try await Self.post(client, body, type: "multipart/form-data; boundary=B")
            XCTAssertEqual(response.code, 0)
            XCTAssertEqual(response.data?["img"]?[0]?.stringValue?.count, 2 << 20)
        }
    }
}
