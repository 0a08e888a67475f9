import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

/// The tutoring OpenAPI document: complete (every routed method is an operation and back), served without
/// login, and the docs page pointing at it.
final class OpenAPIDocumentTests: XCTestCase {
    static func app(_ h: TutoringHarness) -> TutoringApp {
        TutoringApp(database: h.database, logger: Logger(label: "tutoring.openapi"), settings: TutoringSettings())
    }

    func testEveryRouteIsAnOperationAndEveryOperationARoute() async throws {
        try await TutoringHarness.run { h in
            let app = Self.app(h)
            let mismatches = app.documentationMismatches()
            XCTAssertEqual(mismatches.undocumented, [], "routes without an operation")
            XCTAssertEqual(mismatches.unrouted, [], "operations without a route")
            XCTAssertEqual(app.openAPIDocument().conflicts, [], "one name, two schemas")
        }
    }

    func testTheDocumentIsServedWithoutLogin() async throws {
        try await TutoringHarness.run { h in
            let response = try await h.get("/openapi.json")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.bodyText.utf8)) as? [String: Any])
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            let operations = paths.values.reduce(0) { $0 + $1.count }
            XCTAssertEqual(operations, Self.app(h).declaredRoutes().count + 3, "every route, plus /healthz, /openapi.json and /docs")
            let info = try XCTUnwrap(paths["/admin/student/info"]?["get"] as? [String: Any])
            XCTAssertEqual((info["security"] as? [[String: Any]])?.count, 2, "tutoring_sid cookie or Bearer")
            let login = try XCTUnwrap(paths["/admin/user/login"]?["post"] as? [String: Any])
            XCTAssertEqual((login["security"] as? [[String: Any]])?.count, 0, "login is public")
        }
    }

    /// lesson/list documents its page numbers beside `data` (§1.2).
    func testTheLessonListEnvelopeCarriesItsPageNumbers() async throws {
        try await TutoringHarness.run { h in
            let response = try await h.get("/openapi.json")
            let text = response.bodyText
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            let list = try XCTUnwrap(paths["/admin/lesson/list"]?["get"] as? [String: Any])
            let responses = try XCTUnwrap(list["responses"] as? [String: Any])
            let ok = try XCTUnwrap(responses["200"] as? [String: Any])
            let content = try XCTUnwrap((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])
            let anyOf = try XCTUnwrap((content["schema"] as? [String: Any])?["anyOf"] as? [[String: Any]])
            let success = try XCTUnwrap(anyOf.first)
            XCTAssertEqual(Set(try XCTUnwrap(success["required"] as? [String])), ["code", "msg", "data", "page", "allPage", "total"])
        }
    }

    func testTheDocsPageLinksTheDocument() async throws {
        try await TutoringHarness.run { h in
            let response = try await h.get("/docs")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertTrue(response.bodyText.contains("<a href=\"/openapi.json\">/openapi.json</a>"))
        }
    }
}
