import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class MediaTests: XCTestCase {
    func testServesFilesAndRefusesTraversal() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("summer-media-test-\(UUID().uuidString)")
        let root = base.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("common/sales_man"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: base.appendingPathComponent("outside.txt"))
        try Data("GIF89a-bytes".utf8).write(to: root.appendingPathComponent("common/sales_man/a b.gif"))
        try Data("hidden".utf8).write(to: root.appendingPathComponent(".env"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("link.txt"), withDestinationURL: base.appendingPathComponent("outside.txt"))
        defer { try? FileManager.default.removeItem(at: base) }

        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root.path)) { _, client in
            let ok = try await client.call(.get, "/media/common/sales_man/a%20b.gif")
            XCTAssertEqual(ok.status, .ok)
            XCTAssertEqual(ok.headers[.contentType], "image/gif")
            XCTAssertEqual(String(buffer: ok.body), "GIF89a-bytes")
            let head = try await client.call(.head, "/media/common/sales_man/a%20b.gif")
            XCTAssertEqual(head.status, .ok)
            XCTAssertEqual(head.body.readableBytes, 0)

            for path in [
                "/media/../outside.txt", "/media/common/../../outside.txt", "/media/%2e%2e/outside.txt",
                "/media/common%2F..%2F..%2Foutside.txt", "/media/.env", "/media/link.txt", "/media/common",
                "/media/common/sales_man/missing.png", "/media/", "/media/common/sales_man/..%5C..%5Coutside.txt",
            ] {
                let r = try await client.call(.get, path)
                XCTAssertEqual(r.status, .notFound, path)
                XCTAssertFalse(r.bodyText.contains("secret"), path)
                XCTAssertFalse(r.bodyText.contains("hidden"), path)
            }
            let missing = try await client.call(.get, "/media/nothing.png")
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.msg, "接口不存在")
        }
    }

    func testStoreRefusesBadRelativePaths() throws {
        let store = MediaStore(root: "/tmp/none-\(UUID().uuidString)")
        for path in ["", "..", "a/../b", "./a", "a//b", "a\\b", "/etc/passwd"] {
            XCTAssertNil(store.filePath(for: path), path)
        }
    }
}
