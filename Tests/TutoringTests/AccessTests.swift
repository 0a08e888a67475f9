import Foundation
import HTTPTypes
import RegistrarTesting
import XCTest

/// The permission matrix (§5) rows of the user, staff, roler, student, follow-up and appointment endpoints.
final class AccessTests: XCTestCase {
    static let routes: [(HTTPRequest.Method, String)] = [
        (.get, "/admin/user/logout"), (.get, "/admin/user/info"), (.put, "/admin/user/update"), (.put, "/admin/user/password"),
        (.get, "/admin/staff/info"), (.post, "/admin/staff/add"), (.put, "/admin/staff/update"), (.delete, "/admin/staff/delete"),
        (.get, "/admin/roler"),
        (.get, "/admin/student/list"), (.get, "/admin/student/info"), (.post, "/admin/student/add"),
        (.put, "/admin/student/update"), (.delete, "/admin/student/delete"),
        (.get, "/admin/fellowup/list"), (.post, "/admin/fellowup/add"), (.put, "/admin/fellowup/update"),
        (.put, "/admin/fellowup/add"), (.delete, "/admin/fellowup/delete"),
        (.get, "/admin/appoint/list"), (.post, "/admin/appoint/add"), (.put, "/admin/appoint/update"), (.delete, "/admin/appoint/delete"),
    ]

    /// Gated endpoints and the roles they admit; every other route above admits roles 1–7.
    static let gates: [String: Set<Int>] = ["/admin/staff/add": [1, 2, 3, 4], "/admin/staff/delete": [1, 2, 3, 4]]

    func testEveryRouteNeedsASession() async throws {
        try await TutoringHarness.run { h in
            for (method, path) in Self.routes {
                let r = try await h.send(method, path, body: .init(string: "{"))
                XCTAssertEqual(r.status, .ok, path)
                XCTAssertEqual(r.code, 401, "\(method) \(path)")
                XCTAssertEqual(r.msg, "请先登录")
            }
        }
    }

    func testRoleGates() async throws {
        try await TutoringHarness.run { h in
            for role in 1...7 {
                let caller = try await h.staff(role: role)
                for (method, path) in Self.routes where path != "/admin/user/logout" {
                    // An empty body: allowed roles reach validation (400) or succeed, denied ones get 403 first.
                    let r = try await h.send(method, path, token: caller.token)
                    if Self.gates[path].map({ !$0.contains(role) }) ?? false {
                        XCTAssertEqual(r.code, 403, "role \(role) \(method) \(path)")
                        XCTAssertEqual(r.msg, "没有权限")
                        XCTAssertEqual(r.fieldName, "")
                    } else {
                        XCTAssertTrue([0, 400].contains(r.code ?? -1), "role \(role) \(method) \(path): \(r.bodyText)")
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
