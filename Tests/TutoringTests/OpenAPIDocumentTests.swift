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

    /// Every success answer of the read routes carries exactly the members its documented schema lists (names,
    /// typos included, and integer vs string), so a changed DTO without its schema fails here.
    func testAnswersCarryExactlyTheDocumentedMembers() async throws {
        try await TutoringHarness.run { h in
            let s = try await AppointmentTests.scene(h)
            let admin = try await h.staff(role: 1)
            let added = try await h.post("/admin/fellowup/add", token: admin.token, json: [
                "studentID": s.student, "staffID": s.me.id, "content": "家长希望周末上课",
            ])
            XCTAssertEqual(added.code, 0, added.bodyText)
            _ = try await AppointmentTests.add(h, s, lesson: s.lesson)
            let served = try await h.get("/openapi.json")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(served.bodyText.utf8)) as? [String: Any])
            let reads: [(String, [String: Any])] = [
                ("/admin/user/info", [:]), ("/admin/staff/info", [:]), ("/admin/roler", [:]),
                ("/admin/student/list", [:]), ("/admin/student/info", ["studentID": s.student]),
                ("/admin/fellowup/list", ["studentID": s.student]), ("/admin/appoint/list", ["studentID": s.student]),
                ("/admin/teacher/list", [:]), ("/admin/teacher/info", ["teacherID": s.teacher]),
                ("/admin/order/list", [:]), ("/admin/order/info", ["orderID": s.order]),
                ("/admin/lesson/list", ["num": 5]), ("/admin/lesson/info", ["lessonID": s.lesson]),
            ]
            for (path, query) in reads {
                let response = try await h.get(path, token: admin.token, query: query)
                XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
                try Self.conform(response.json, Self.success(path, "get", in: document), document, at: path)
            }
            let login = try await h.post("/admin/user/login", json: ["name": admin.name, "password": TutoringHarness.defaultPassword])
            try Self.conform(login.json, Self.success("/admin/user/login", "post", in: document), document, at: "login")
        }
    }

    /// The success branch of an operation's envelope.
    static func success(_ path: String, _ method: String, in document: [String: Any]) throws -> [String: Any] {
        let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
        let operation = try XCTUnwrap(paths[path]?[method] as? [String: Any], path)
        let ok = try XCTUnwrap((operation["responses"] as? [String: Any])?["200"] as? [String: Any])
        let content = try XCTUnwrap((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])
        return try XCTUnwrap(((content["schema"] as? [String: Any])?["anyOf"] as? [[String: Any]])?.first)
    }

    /// Objects have exactly the documented members, arrays documented items, integers and strings their type.
    static func conform(_ value: JSONValue, _ schema: [String: Any], _ document: [String: Any], at path: String) throws {
        var schema = schema
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/components/schemas/".count))
            schema = try XCTUnwrap(((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any], ref)
        }
        switch value {
        case .object(let members):
            let properties = try XCTUnwrap(schema["properties"] as? [String: Any], "\(path): an object where the document has none")
            XCTAssertEqual(Set(members.keys), Set(properties.keys), path)
            XCTAssertTrue(Set(schema["required"] as? [String] ?? []).isSubset(of: members.keys), path)
            for (key, member) in members {
                if let child = properties[key] as? [String: Any] { try conform(member, child, document, at: "\(path).\(key)") }
            }
        case .array(let items):
            let child = try XCTUnwrap(schema["items"] as? [String: Any], "\(path): an array where the document has none")
            for (index, item) in items.enumerated() { try conform(item, child, document, at: "\(path)[\(index)]") }
        case .int:
            if let type = schema["type"] as? String { XCTAssertEqual(type, "integer", path) }
        case .string:
            if let type = schema["type"] as? String { XCTAssertEqual(type, "string", path) }
        default:
            XCTFail("\(path): unexpected \(value)")
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
