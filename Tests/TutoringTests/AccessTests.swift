import Foundation
import HTTPTypes
import Logging
import RegistrarTesting
import Tutoring
import XCTest

/// Every route the tutoring router declares, checked against the permission matrix of §5: the declared
/// access, then the behaviour of each route for an anonymous caller and for each of the seven roles.
final class AccessTests: XCTestCase {
    /// §5 as written in the contract (a copy of its table); C cells admit the role (the conditional rule
    /// is checked by the handler), ✗ cells deny it. `PUT /admin/fellowup/add` shares row 18.
    static let matrix = """
        | 1 | POST /admin/user/login | public | public | public | public | public | public | public |
        | 2 | GET /admin/user/logout | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 3 | GET /admin/user/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 4 | PUT /admin/user/update | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 5 | PUT /admin/user/password | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 6 | GET /admin/staff/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 7 | POST /admin/staff/add | C1 | C1 | C1 | C1 | ✗ | ✗ | ✗ |
        | 8 | PUT /admin/staff/update | C2 | C2 | C2 | C2 | C2 | C2 | C2 |
        | 9 | DELETE /admin/staff/delete | C3 | C3 | C3 | C3 | ✗ | ✗ | ✗ |
        | 10 | GET /admin/roler | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 11 | GET /admin/student/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 12 | GET /admin/student/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 13 | POST /admin/student/add | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 14 | PUT /admin/student/update | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 15 | DELETE /admin/student/delete | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 16 | GET /admin/fellowup/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 17 | POST /admin/fellowup/add | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 18 | PUT /admin/fellowup/update (+ PUT /admin/fellowup/add) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 19 | DELETE /admin/fellowup/delete | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 20 | GET /admin/appoint/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 21 | POST /admin/appoint/add | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 22 | PUT /admin/appoint/update | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 23 | DELETE /admin/appoint/delete | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 24 | GET /admin/teacher/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 25 | GET /admin/teacher/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 26 | POST /admin/teacher/add | ✓ | ✓ | ✓ | ✓ | ✗ | ✗ | ✗ |
        | 27 | PUT /admin/teacher/update | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 28 | DELETE /admin/teacher/delete | ✓ | ✓ | ✓ | ✓ | ✗ | ✗ | ✗ |
        | 29 | GET /admin/order/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 30 | GET /admin/order/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 31 | POST /admin/order/add | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 32 | DELETE /admin/order/delete | ✓ | ✓ | ✓ | ✗ | ✓ | ✗ | ✗ |
        | 33 | PUT /admin/order/confirm | ✓ | ✓ | ✗ | ✗ | ✗ | ✗ | ✓ |
        | 34 | GET /admin/lesson/list | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 35 | GET /admin/lesson/info | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 36 | POST /admin/lesson/add | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 37 | PUT /admin/lesson/update | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
        | 38 | DELETE /admin/lesson/delete | ✓ | ✓ | ✓ | ✗ | ✓ | ✗ | ✗ |
        """

    struct Expected: Hashable {
        let method: String
        let path: String
        /// nil: public; else the admitted role codes.
        let roles: Set<Int>?
    }

    /// The matrix as one entry per method and path.
    static var expected: [Expected] {
        matrix.split(separator: "\n").flatMap { line -> [Expected] in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let marks = Array(cells[2...8])
            let roles: Set<Int>? = marks.allSatisfy { $0 == "public" } ? nil
                : Set(marks.enumerated().filter { $0.element != "✗" }.map { $0.offset + 1 })
            // "PUT /a (+ PUT /b)" names two routes.
            let routes = cells[1].replacingOccurrences(of: "(+", with: "|").replacingOccurrences(of: ")", with: "")
                .split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ") }
            return routes.map { Expected(method: String($0[0]), path: String($0[1]), roles: roles) }
        }
    }

    static func declared(_ h: TutoringHarness) -> [TutoringRoute] {
        TutoringApp(database: h.database, logger: Logger(label: "tutoring.access")).declaredRoutes()
    }

    /// The router declares exactly the matrix's routes, each with the matrix's access.
    func testDeclaredAccessIsTheMatrix() async throws {
        try await TutoringHarness.run { h in
            let declared = Self.declared(h).map { route -> Expected in
                let roles: Set<Int>?
                switch route.access {
                case .public: roles = nil
                case .anyStaff: roles = Set(1...7)
                case .roles(let admitted): roles = Set(admitted.map(\.rawValue))
                }
                return Expected(method: route.method.rawValue, path: route.path, roles: roles)
            }
            XCTAssertEqual(declared.count, Set(declared).count, "a route is declared twice")
            XCTAssertEqual(Set(declared), Set(Self.expected))
            XCTAssertEqual(Self.expected.count, 39)
        }
    }

    /// Anonymous callers get 401 on every route but login; each role gets 403 `没有权限` exactly on its ✗
    /// cells and otherwise reaches validation (400) or succeeds.
    func testEveryRouteAnswersTheMatrix() async throws {
        try await TutoringHarness.run { h in
            let routes = Self.declared(h)
            for route in routes where route.access != .public {
                let r = try await h.send(route.method, route.path, body: .init(string: "{"))
                XCTAssertEqual(r.status, .ok, route.path)
                XCTAssertEqual(r.code, 401, "\(route.method) \(route.path)")
                XCTAssertEqual(r.msg, "请先登录")
            }
            for role in StaffRole.allCases {
                let caller = try await h.staff(role: role.rawValue)
                for route in routes where route.access != .public && route.path != "/admin/user/logout" {
                    // An empty body: admitted roles reach validation (400) or succeed, denied ones get 403 first.
                    let r = try await h.send(route.method, route.path, token: caller.token)
                    if route.access.admits(role) {
                        XCTAssertTrue([0, 400].contains(r.code ?? -1), "role \(role) \(route.method) \(route.path): \(r.bodyText)")
                    } else {
                        XCTAssertEqual(r.code, 403, "role \(role) \(route.method) \(route.path)")
                        XCTAssertEqual(r.msg, "没有权限")
                        XCTAssertEqual(r.fieldName, "")
                    }
                }
            }
        }
    }

    func testHeadAndOptionsAreUnknown() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 1)
            for method in [HTTPRequest.Method.head, .options, .patch] {
                let r = try await h.send(method, "/admin/roler", token: me.token)
                XCTAssertEqual(r.status, .notFound, "\(method)")
            }
        }
    }
}
