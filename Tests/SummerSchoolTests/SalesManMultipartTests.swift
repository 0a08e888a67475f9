import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Multipart bodies (conventions §11): the image is base64 text in an ordinary field; a file part is refused.
final class SalesManMultipartTests: XCTestCase {
    static func multipart(_ parts: [(name: String, value: String, file: Bool)]) -> (String, ByteBuffer) {
        let boundary = "----summerBoundary42"
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\n"
            if part.file {
                text += "Content-Disposition: form-data; name=\"\(part.name)\"; filename=\"qr.png\"\r\nContent-Type: image/png\r\n\r\n"
            } else {
                text += "Content-Disposition: form-data; name=\"\(part.name)\"\r\n\r\n"
            }
            text += part.value + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: text))
    }

    func testBase64FieldWorksAndFilePartIsRefused() async throws {
        let root = SalesManTests.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let fields: [(name: String, value: String, file: Bool)] = [
                ("name", "zhangsan", false), ("wechat", "wx", false), ("email", "a@example.com", false),
            ]
            let (fileType, fileBody) = Self.multipart(fields + [("qr_code", "binary-bytes", true)])
            let refused = try await client.execute(
                uri: "/admin/sales_man/", method: .post, headers: [.cookie: "ticket=\(admin.ticket)", .contentType: fileType], body: fileBody)
            XCTAssertEqual(refused.code, 400, refused.bodyText)
            XCTAssertEqual(refused.fieldName, "qr_code")
            XCTAssertEqual(refused.msg, ImageMessage.notBase64)
            let none = try await env.count("summer_sales_man")
            XCTAssertEqual(none, 0)

            let (type, body) = Self.multipart(fields + [("qr_code", SalesManTests.png, false)])
            let created = try await client.execute(
                uri: "/admin/sales_man/", method: .post, headers: [.cookie: "ticket=\(admin.ticket)", .contentType: type], body: body)
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data?["qr_code"]?.stringValue?.hasSuffix(".png"), true)

            let (emptyType, emptyBody) = Self.multipart([("qr_code", "", false)])
            let cleared = try await client.execute(
                uri: "/admin/sales_man/1/", method: .patch, headers: [.cookie: "ticket=\(admin.ticket)", .contentType: emptyType], body: emptyBody)
            XCTAssertEqual(cleared.code, 0, cleared.bodyText)
            XCTAssertEqual(cleared.data?["qr_code"], .null)
            XCTAssertEqual(cleared.data?["name"]?.stringValue, "zhangsan")
        }
    }
}
