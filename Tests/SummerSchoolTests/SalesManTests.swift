import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class SalesManTests: XCTestCase {
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"

    static func body(_ image: Any = "data:image/png;base64," + png) -> [String: Any] {
        ["name": "zhangsan", "wechat": "xiubweixin", "email": "student@example.com", "qr_code": image]
    }

    static func mediaRoot() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("summer-media-\(UUID().uuidString)").path
    }

    func testCreateStoresImageAndServesIt() async throws {
        let root = Self.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let r = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, json: Self.body())
            XCTAssertEqual(r.code, 0, r.bodyText)
            let url = try XCTUnwrap(r.data?["qr_code"]?.stringValue)
            let prefix = "http://localhost/media/common/sales_man/"  // request-based (router tests have no Host)
            XCTAssertTrue(url.hasPrefix(prefix), url)
            XCTAssertTrue(url.hasSuffix(".png"))
            let file = String(url.dropFirst(prefix.count))
            XCTAssertEqual(file.count, 12 + 4)
            XCTAssertEqual(r.data?["email"]?.stringValue, "student@example.com")

            // The stored value is the relative path; the file is under the media root.
            struct Row: Decodable { let qr_code: String }
            let stored = try await env.sql.raw("SELECT qr_code FROM summer_sales_man").first(decoding: Row.self)
            XCTAssertEqual(stored?.qr_code, "common/sales_man/" + file)
            let bytes = FileManager.default.contents(atPath: root + "/common/sales_man/" + file)
            XCTAssertEqual(bytes, Data(base64Encoded: Self.png))

            // Served without login.
            let served = try await client.call(.get, "/media/common/sales_man/" + file)
            XCTAssertEqual(served.status, .ok)
            XCTAssertEqual(served.headers[.contentType], "image/png")
            XCTAssertEqual(Data(buffer: served.body), Data(base64Encoded: Self.png))

            let list = try await client.call(.get, "/admin/sales_man/", ticket: admin.ticket)
            XCTAssertEqual(list.data?["results"]?[0], r.data)
        }
    }

    func testPublicBaseURLWinsAndEmptyImageIsNull() async throws {
        try await SummerTestEnv.run(settings: SummerSettings(publicBaseURL: "https://apply.example.com/", mediaRoot: Self.mediaRoot())) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let r = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, json: Self.body())
            XCTAssertTrue(r.data?["qr_code"]?.stringValue?.hasPrefix("https://apply.example.com/media/common/sales_man/") == true)
            let empty = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, json: Self.body(""))
            XCTAssertEqual(empty.code, 0)
            XCTAssertEqual(empty.data?["qr_code"], .null)
            // PATCH without the image keeps it; "" clears it; PUT requires it again.
            let keep = try await client.call(.patch, "/admin/sales_man/1/", ticket: admin.ticket, json: ["name": "lisi"])
            XCTAssertEqual(keep.data?["qr_code"], r.data?["qr_code"])
            XCTAssertEqual(keep.data?["name"]?.stringValue, "lisi")
            let put = try await client.call(.put, "/admin/sales_man/1/", ticket: admin.ticket, json: ["name": "a", "wechat": "b", "email": "c@d.com"])
            XCTAssertEqual(put.fieldName, "qr_code")
            XCTAssertEqual(put.msg, "没有提交任何文件。")
            let clear = try await client.call(.patch, "/admin/sales_man/1/", ticket: admin.ticket, json: ["qr_code": ""])
            XCTAssertEqual(clear.data?["qr_code"], .null)
            let missing = try await client.call(.get, "/admin/sales_man/9/", ticket: admin.ticket)
            XCTAssertEqual(missing.code, 404)
            let delete = try await client.call(.delete, "/admin/sales_man/1/", ticket: admin.ticket)
            XCTAssertEqual(delete.code, 405)
        }
    }

    func testFieldRulesWriteNoRowAndNoFile() async throws {
        let root = Self.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let cases: [([String: Any], String, String)] = [
                (Self.body().merging(["name": ""]) { $1 }, "name", "该字段不能为空。"),
                (Self.body().merging(["wechat": String(repeating: "w", count: 31)]) { $1 }, "wechat", "请确保这个字段不能超过 30 个字符。"),
                (Self.body().merging(["email": "not-an-email"]) { $1 }, "email", "请输入合法的邮件地址。"),
                (Self.body(NSNull()), "qr_code", "该字段不能为 null。"),
                (Self.body("abc"), "qr_code", ImageMessage.undecodable),
                (Self.body(Data("plain text".utf8).base64EncodedString()), "qr_code", ImageMessage.unknownType),
                (Self.body(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]).base64EncodedString()), "qr_code", ImageMessage.corrupt),
                (Self.body(5), "qr_code", ImageMessage.notBase64),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            var missing = Self.body()
            missing["qr_code"] = nil
            let r = try await client.call(.post, "/admin/sales_man/", ticket: admin.ticket, json: missing)
            XCTAssertEqual(r.msg, "没有提交任何文件。")
            let count = try await env.count("summer_sales_man")
            XCTAssertEqual(count, 0)
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
            XCTAssertTrue(files.filter { $0.hasSuffix(".png") }.isEmpty)
        }
    }

    func testLenientBase64() {
        XCTAssertEqual(Base64Image.lenientBase64("YW Jj\nZA=="), Array("abcd".utf8))
        XCTAssertNil(Base64Image.lenientBase64("YQ"))  // padding missing
        XCTAssertEqual(Base64Image.lenientBase64("YQ==="), Array("a".utf8))
        XCTAssertNil(Base64Image.lenientBase64("Y"))
    }

    func testRoles() async throws {
        try await SummerTestEnv.run { env, client in
            let market = try await env.account("market001", role: .market)
            let r = try await client.call(.get, "/admin/sales_man/", ticket: market.ticket)
            XCTAssertEqual(r.code, 403)
            XCTAssertEqual(r.msg, "您没有执行该操作的权限。")
        }
    }
}
