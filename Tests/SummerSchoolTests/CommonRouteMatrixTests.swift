import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// The routes of the common, coupon, market and admin-settings modules against the route inventory
/// (conventions §2.5), the request order of decision 29 and pagination (§8 with decision 3).
final class CommonRouteMatrixTests: XCTestCase {
    /// Every routed path of these modules with its methods (item paths with `{id}` = 1).
    static let routes: [(path: String, methods: Set<HTTPRequest.Method>, adminOnly: Bool)] = [
        ("/common/campus/", [.get], false),
        ("/common/navigation/", [.get], false),
        ("/common/global_enums/", [.get], false),
        ("/coupon/coupon/", [.get, .post], true),
        ("/coupon/coupon/1/", [.get, .put, .patch], true),
        ("/coupon/user_coupon/", [.post], true),
        ("/market/channel/", [.get, .post], false),
        ("/market/channel/1/", [.get, .put, .patch, .delete], false),
        ("/admin/account_info/", [.get, .post], true),
        ("/admin/account_info/1/", [.get, .put, .patch, .delete], true),
        ("/admin/child_user/", [.get, .post], true),
        ("/admin/child_user/1/", [.get, .put, .patch], true),
        ("/admin/child_user/1/update_password/", [.put], true),
        ("/admin/sales_man/", [.get, .post], true),
        ("/admin/sales_man/1/", [.get, .put, .patch], true),
    ]
    static let all: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

    func testUnlistedMethodsAnswer405AfterLoginAndRole() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let student = try await env.account("student01", role: .student)
            for route in Self.routes {
                for method in Self.all where !route.methods.contains(method) {
                    let label = "\(method) \(route.path)"
                    let anonymous = try await client.call(method, route.path, json: [:])
                    XCTAssertEqual(anonymous.json, .object(["code": .int(401), "msg": .string("未登陆")]), label)

                    let r = try await client.call(method, route.path, ticket: admin.ticket, json: [:])
                    XCTAssertEqual(r.code, 405, label)
                    XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。", label)
                    XCTAssertEqual(r.fieldName, "", label)
                    XCTAssertEqual(r.data, .object([:]), label)

                    if route.adminOnly {  // the role check comes before the method check
                        let other = try await client.call(method, route.path, ticket: market.ticket, json: [:])
                        XCTAssertEqual(other.code, 403, label)
                    }
                    if route.path.hasPrefix("/admin/") {  // the /admin block comes first of all
                        let s = try await client.call(method, route.path, ticket: student.ticket, json: [:])
                        XCTAssertEqual(s.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]), label)
                    } else if route.adminOnly || route.path.hasPrefix("/market/") {
                        let s = try await client.call(method, route.path, ticket: student.ticket, json: [:])
                        XCTAssertEqual(s.code, 403, label)
                        XCTAssertEqual(s.msg, "您没有执行该操作的权限。", label)
                    }
                }
            }
        }
    }

    func testUnknownOrMalformedIdsAre404BeforeTheBodyIsRead() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.account("student02", role: .student)
            for route in Self.routes where route.path.contains("/1/") {
                for id in ["999", "abc", "0", "99999999999"] {
                    for method in route.methods {
                        let path = route.path.replacingOccurrences(of: "/1/", with: "/\(id)/")
                        // A malformed body must not matter: the lookup fails first (decision 29).
                        let r = try await client.execute(
                            uri: path, method: method,
                            headers: [.cookie: "ticket=\(admin.ticket)", .contentType: "application/json"],
                            body: .init(string: "{not json"))
                        XCTAssertEqual(r.code, 404, "\(method) \(path)")
                        XCTAssertEqual(r.msg, "请求失败", "\(method) \(path)")
                    }
                }
            }
            // A student's id is no staff account.
            for (method, path) in [(HTTPRequest.Method.get, "/admin/child_user/\(student.id)/"),
                                   (.patch, "/admin/child_user/\(student.id)/"),
                                   (.put, "/admin/child_user/\(student.id)/update_password/")] {
                let r = try await client.call(method, path, ticket: admin.ticket, json: ["password": "secret999"])
                XCTAssertEqual(r.code, 404, path)
            }
        }
    }

    func testEveryListPagesWithLastAndRefusesInvalidPages() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let lists = ["/common/campus/", "/coupon/coupon/", "/market/channel/", "/admin/account_info/",
                         "/admin/child_user/", "/admin/sales_man/"]
            for list in lists {
                let first = try await client.call(.get, list, ticket: admin.ticket)
                XCTAssertEqual(first.code, 0, list)
                XCTAssertEqual(first.data?.objectValue?.keys.sorted(), ["count", "next", "previous", "results"], list)
                let last = try await client.call(.get, list + "?page=last", ticket: admin.ticket)
                XCTAssertEqual(last.code, 0, list)
                for page in ["0", "-1", "abc", "1.0", "", "2", "last2"] {
                    let r = try await client.call(.get, list + "?page=\(page)", ticket: admin.ticket)
                    XCTAssertEqual(r.code, 404, "\(list) page=\(page)")
                    XCTAssertEqual(r.msg, "无效页面。", "\(list) page=\(page)")
                    XCTAssertEqual(r.fieldName, "", list)
                    XCTAssertEqual(r.data, .object([:]), list)
                }
            }

            // 25 coupons: page=last is page 3, linking back to page 2; page 1's link omits `page`.
            for index in 1...25 {
                let r = try await client.call(.post, "/coupon/coupon/", ticket: admin.ticket, json: [
                    "amount": index, "info": "券\(index)", "start_time": "2017-07-13 00:00", "end_time": "2017-07-31 00:00",
                    "max_num": 1,
                ])
                XCTAssertEqual(r.code, 0, r.bodyText)
            }
            let last = try await client.call(.get, "/coupon/coupon/?page=last&ignored=x", ticket: admin.ticket)
            XCTAssertEqual(last.data?["count"]?.intValue, 25)
            XCTAssertEqual(last.data?["results"]?.arrayValue?.map { $0["info"]?.stringValue ?? "" }, ["券21", "券22", "券23", "券24", "券25"])
            XCTAssertEqual(last.data?["next"], .null)
            XCTAssertEqual(last.data?["previous"]?.stringValue?.hasSuffix("/coupon/coupon/?ignored=x&page=2"), true, last.bodyText)
            let second = try await client.call(.get, "/coupon/coupon/?page=2", ticket: admin.ticket)
            XCTAssertEqual(second.data?["results"]?[0]?["info"]?.stringValue, "券11")
            XCTAssertEqual(second.data?["previous"]?.stringValue?.hasSuffix("/coupon/coupon/"), true, second.bodyText)
            XCTAssertEqual(second.data?["next"]?.stringValue?.hasSuffix("/coupon/coupon/?page=3"), true, second.bodyText)
            let beyond = try await client.call(.get, "/coupon/coupon/?page=4", ticket: admin.ticket)
            XCTAssertEqual(beyond.msg, "无效页面。")
        }
    }
}
