import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class MediaMethodTests: XCTestCase {
    /// Only GET/HEAD are routed under `/media/`; any other method matches no route: HTTP 404 with the
    /// envelope of decision 2, logged in or not, and nothing is written to the media root.
    func testOtherMethodsMatchNoRoute() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("summer-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("common"), withIntermediateDirectories: true)
        try Data("GIF89a".utf8).write(to: root.appendingPathComponent("common/a.gif"))
        defer { try? FileManager.default.removeItem(at: root) }
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root.path)) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                for ticket in [nil, admin.ticket] {
                    let r = try await client.call(method, "/media/common/a.gif", ticket: ticket, json: [:])
                    XCTAssertEqual(r.status, .notFound, "\(method)")
                    XCTAssertEqual(r.json, .object(["code": .int(404), "msg": .string("接口不存在"), "data": .object([:]), "field_name": .string("")]), "\(method)")
                }
            }
            let still = try await client.call(.get, "/media/common/a.gif")
            XCTAssertEqual(String(buffer: still.body), "GIF89a")
        }
    }
}
