import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// The OpenAPI document: complete (every routed method is an operation and back), served without login, and the
/// docs page pointing at it.
final class OpenAPIDocumentTests: XCTestCase {
    func testEveryRouteIsAnOperationAndEveryOperationARoute() async throws {
        try await SummerTestEnv.run { env, _ in
            let mismatches = env.app.documentationMismatches()
            XCTAssertEqual(mismatches.undocumented, [], "routes without an operation")
            XCTAssertEqual(mismatches.unrouted, [], "operations without a route")
            XCTAssertEqual(env.app.openAPIDocument().conflicts, [], "one name, two schemas")
        }
    }

    func testTheDocumentIsServedWithoutLogin() async throws {
        try await SummerTestEnv.run { env, client in
            let response = try await client.call(.get, "/openapi.json")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            let operations = paths.values.reduce(0) { $0 + $1.count }
            XCTAssertEqual(operations, env.app.declaredRoutes().count + 3, "every route, plus /healthz, /openapi.json and /docs")
            let coupon = try XCTUnwrap(paths["/coupon/coupon/{id}/"]?["get"] as? [String: Any])
            XCTAssertEqual((coupon["security"] as? [[String: Any]])?.count, 2, "ticket cookie or ?ticket=")
        }
    }

    func testTheDocsPageLinksTheDocument() async throws {
        try await SummerTestEnv.run { _, client in
            let response = try await client.call(.get, "/docs")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertTrue(String(buffer: response.body).contains("<a href=\"/openapi.json\">/openapi.json</a>"))
        }
    }
}
