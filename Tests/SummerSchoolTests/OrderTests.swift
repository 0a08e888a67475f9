import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/order/` reads and cancellation (O8, O10–O15, D2, D8, D18, D19).
final class OrderTests: XCTestCase {
    /// A TO_PAY order of `userID` over one new cart item of `project`, through the API.
    static func order(_ env: SummerTestEnv, _ client: any TestClientProtocol, ticket: String, userID: Int, project: Int,
                      coupons: [Int] = [], payment: String = "BANK") async throws -> Int {
        let chart = try await env.makeChart(userID: userID, projectID: project)
        let r = try await client.call(.post, "/order/", ticket: ticket, json: OrderRequests.createBody(charts: [chart], coupons: coupons, payment: payment))
        guard r.code == 0, let id = r.data?["id"]?.intValue else { throw TestFailure(r.bodyText) }
        return id
    }

    func testOrderObjectShowsAccountProofConsultantAndName() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.student("student01", name: "李雷")
            let project = try await env.exampleProject()
            struct ID: Decodable { let id: Int }
            let salesMan = try await env.sql.raw("""
                INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES ('李四', 'w', 'e@x.com', '') RETURNING id
                """).first(decoding: ID.self)!.id
            try await env.sql.raw("""
                INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) VALUES (\(bind: student.id), \(bind: salesMan), 'NEW', 0)
                """).run()
            let account = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: AccountInfoTests.body("6222020000", payment: "BANK"))
            XCTAssertEqual(account.code, 0, account.bodyText)
            let orderID = try await Self.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            let proof = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: OrderRequests.paymentBody(order: orderID))
            XCTAssertEqual(proof.code, 0, proof.bodyText)

            let r = try await client.call(.get, "/order/\(orderID)/", ticket: student.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["user"]?.stringValue, "李雷")
            XCTAssertEqual(r.data?["status"]?["key"]?.stringValue, "TO_CONFIRM")
            XCTAssertEqual(r.data?["payment_info"]?["account_number"]?.stringValue, "6222020000")
            XCTAssertEqual(r.data?["payment_info"]?["payment"], .object(["key": .string("BANK"), "verbose": .string("银行转账")]))
            XCTAssertEqual(r.data?["order_payed_info"]?["id"]?.intValue, proof.data?["id"]?.intValue)
            XCTAssertEqual(r.data?["order_payed_info"]?["order"]?.intValue, orderID)
            XCTAssertEqual(r.data?["order_payed_info"]?["amount"]?.cents, 53_740)
            XCTAssertEqual(r.data?["order_payed_info"]?["img"]?.stringValue?.hasPrefix("http://localhost/media/order/order_payment/"), true)
            XCTAssertEqual(r.data?["sales_man"], .object(["id": .int(Int64(salesMan)), "name": .string("李四")]))
            XCTAssertNil(r.data?["operation_history"])

            // OFF_LINE has no account; an owner without a profile is `null` (D18).
            let bare = try await env.makeUser("student02", profile: false)
            let bareTicket = try await env.ticket(for: bare)
            let offline = try await Self.order(env, client, ticket: bareTicket, userID: bare, project: project, payment: "OFF_LINE")
            let o = try await client.call(.get, "/order/\(offline)/", ticket: bareTicket)
            XCTAssertEqual(o.code, 0, o.bodyText)
            XCTAssertEqual(o.data?["user"], .null)
            XCTAssertEqual(o.data?["payment_info"], .null)
            XCTAssertEqual(o.data?["sales_man"], .null)
        }
    }

    func testListVisibilityAndFilters() async throws {
        try await SummerTestEnv.run { env, client in
            let a = try await env.student("student01")
            let b = try await env.student("student02")
            let market = try await env.account("market001", role: .market)
            let project = try await env.exampleProject()
            let a1 = try await Self.order(env, client, ticket: a.ticket, userID: a.id, project: project)
            _ = try await client.call(.put, "/order/\(a1)/cancel/", ticket: a.ticket)
            let a2 = try await Self.order(env, client, ticket: a.ticket, userID: a.id, project: project, payment: "ALI_PAY")
            let b1 = try await Self.order(env, client, ticket: b.ticket, userID: b.id, project: project)

            func ids(_ path: String, _ ticket: String) async throws -> [Int] {
                let r = try await client.call(.get, path, ticket: ticket)
                XCTAssertEqual(r.code, 0, "\(path) \(r.bodyText)")
                return r.data?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            let own = try await ids("/order/", a.ticket)
            XCTAssertEqual(own, [a2, a1])
            let ignored = try await ids("/order/?user=\(b.id)", a.ticket)
            XCTAssertEqual(ignored, [a2, a1])  // D2: students' `user` filter is ignored
            let all = try await ids("/order/", market.ticket)
            XCTAssertEqual(all, [b1, a2, a1])
            let expectations: [(String, [Int])] = [
                ("/order/?user=\(b.id)", [b1]), ("/order/?user=abc", []), ("/order/?status=CANCELED", [a1]),
                ("/order/?status=NOPE", []), ("/order/?payment=ALI_PAY", [a2]), ("/order/?currency=DOLLAR", []),
                ("/order/?currency=RMB&none_canceled_order=1", [b1, a2]), ("/order/?none_canceled_order=", [b1, a2, a1]),
            ]
            for (path, expected) in expectations {
                let found = try await ids(path, market.ticket)
                XCTAssertEqual(found, expected, path)
            }

            // Detail: a student sees only their own; the filters apply.
            let foreign = try await client.call(.get, "/order/\(b1)/", ticket: a.ticket)
            XCTAssertEqual(foreign.code, 404)
            XCTAssertEqual(foreign.msg, "请求失败")
            let filtered = try await client.call(.get, "/order/\(a1)/?status=TO_PAY", ticket: a.ticket)
            XCTAssertEqual(filtered.code, 404)
            let staff = try await client.call(.get, "/order/\(b1)/", ticket: market.ticket)
            XCTAssertEqual(staff.code, 0)
            for path in ["/order/abc/", "/order/99999/"] {
                let r = try await client.call(.get, path, ticket: a.ticket)
                XCTAssertEqual(r.code, 404, path)
            }
            for (method, path) in [(HTTPRequest.Method.put, "/order/\(a2)/"), (.delete, "/order/\(a2)/"), (.get, "/order/\(a2)/cancel/"),
                                   (.post, "/order/check_order/")] {
                let r = try await client.call(method, path, ticket: a.ticket)
                XCTAssertEqual(r.code, 405, "\(method) \(path)")
            }

            // O14: own orders, not paginated, with the status filters.
            let mine = try await client.call(.get, "/order/user_order_list/?user=\(b.id)", ticket: a.ticket)
            XCTAssertEqual(mine.data?.arrayValue?.compactMap { $0["id"]?.intValue }, [a2, a1])
            let open = try await client.call(.get, "/order/user_order_list/?none_canceled_order=yes", ticket: a.ticket)
            XCTAssertEqual(open.data?.arrayValue?.compactMap { $0["id"]?.intValue }, [a2])
            let unknown = try await client.call(.get, "/order/user_order_list/?status=X", ticket: a.ticket)
            XCTAssertEqual(unknown.data, .array([]))
        }
    }

    func testCancelReleasesTheOwnersLockedCouponsOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let project = try await env.exampleProject()
            let coupon = try await env.makeCoupon(amount: 1_000)
            try await env.giveCoupon(coupon, to: student.id)
            try await env.giveCoupon(coupon, to: admin.id, status: "LOCKED")  // the caller's own row stays as it is (D8)
            let orderID = try await Self.order(env, client, ticket: student.ticket, userID: student.id, project: project, coupons: [coupon])

            // Another student and non-admin staff cannot see it to cancel it.
            for ticket in [other.ticket, market.ticket] {
                let r = try await client.call(.put, "/order/\(orderID)/cancel/", ticket: ticket)
                XCTAssertEqual(r.code, 404, r.bodyText)
            }
            let filtered = try await client.call(.put, "/order/\(orderID)/cancel/?status=CANCELED", ticket: admin.ticket)
            XCTAssertEqual(filtered.code, 404)

            let r = try await client.call(.put, "/order/\(orderID)/cancel/", ticket: admin.ticket, json: ["status": "TO_PAY"])
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["status"]?["key"]?.stringValue, "CANCELED")
            let owners = try await env.couponStatus(user: student.id, coupon: coupon)
            XCTAssertEqual(owners, "TO_USE")
            let admins = try await env.couponStatus(user: admin.id, coupon: coupon)
            XCTAssertEqual(admins, "LOCKED")
            let consumed = try await env.count("summer_shopping_chart", where: "status = 'ORDERED'")
            XCTAssertEqual(consumed, 1)  // decision 16: items stay consumed
            let history = try await env.history(order: orderID)
            XCTAssertEqual(history.map { "\($0.0) \($0.1) \($0.2)" }, ["\(student.id) CREATE 创建了订单", "\(admin.id) UPDATE 取消了订单"])

            let again = try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket)
            XCTAssertEqual(again.code, 400)
            XCTAssertEqual(again.fieldName, "")
            XCTAssertEqual(again.msg, "订单已被取消")
            for status in ["TO_CONFIRM", "CONFIRMED", "CONFIRM_FAILED"] {
                try await env.sql.raw("UPDATE summer_order SET status = \(bind: status) WHERE id = \(bind: orderID)").run()
                let refused = try await client.call(.put, "/order/\(orderID)/cancel/", ticket: student.ticket)
                XCTAssertEqual(refused.msg, "无法取消该订单", status)
            }
            let rows = try await env.count("summer_order_operate_history")
            XCTAssertEqual(rows, 2)
        }
    }

    func testCheckOrderAndCurrencies() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let none = try await client.call(.get, "/order/check_order/", ticket: student.ticket)
            XCTAssertEqual(none.code, 100)
            XCTAssertEqual(none.msg, "没有未完成的订单，可以创建")
            XCTAssertEqual(none.data, .object([:]))
            XCTAssertEqual(none.fieldName, "")
            let orderID = try await Self.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            let open = try await client.call(.get, "/order/check_order/?user=1", ticket: student.ticket)
            XCTAssertEqual(open.code, 0)
            XCTAssertEqual(open.data?["id"]?.intValue, orderID)
            XCTAssertEqual(open.data?["charts"]?.arrayValue?.count, 1)

            let currencies = try await client.call(.get, "/order/order_currency_payment/", ticket: student.ticket)
            let expected: JSONValue = .array([
                .object(["key": .string("DOLLAR"), "verbose": .string("美金"), "payment": .array([
                    choiceJSON("BANK", "银行转账"), choiceJSON("PAY_PAL", "PAY_PAL支付")])]),
                .object(["key": .string("RMB"), "verbose": .string("人民币"), "payment": .array([
                    choiceJSON("BANK", "银行转账"), choiceJSON("ALI_PAY", "支付宝转账"),
                    choiceJSON("OFF_LINE", "面付")])]),
            ])
            XCTAssertEqual(currencies.data, expected)
        }
    }

    func testUserOrderCourse() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let empty = try await client.call(.get, "/order/user_order_course/", ticket: student.ticket)
            XCTAssertEqual(empty.data, .array([]))
            let project = try await env.exampleProject()
            let art = try await env.makeCourse("ART 12")
            let math = try await env.makeCourse("MATH 1", name: "Calculus")
            try await env.offer(courseID: art, inProject: project, professor: "Iron Musk")
            let first = try await Self.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            try await env.sql.raw("UPDATE summer_order SET status = 'CONFIRMED' WHERE id = \(bind: first)").run()
            let second = try await Self.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            try await env.makeUserCourse(userID: student.id, orderID: first, projectID: project, courseID: math, status: "PASS", score: 90)
            try await env.makeUserCourse(userID: student.id, orderID: first, projectID: project, courseID: art)
            let othersOrder = try await env.makeOrder(userID: other.id, chartIDs: [])
            try await env.makeUserCourse(userID: other.id, orderID: othersOrder, projectID: project, courseID: art, status: "PASS")

            let r = try await client.call(.get, "/order/user_order_course/", ticket: student.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let items = try XCTUnwrap(r.data?.arrayValue)
            XCTAssertEqual(items.compactMap { $0["id"]?.intValue }, [second, first])
            XCTAssertEqual(items[0]["user_course"], .null)
            XCTAssertEqual(items[1]["user"]?.intValue, student.id)
            XCTAssertEqual(items[1]["status"]?.stringValue, "CONFIRMED")
            XCTAssertEqual(items[1]["currency"]?.stringValue, "RMB")
            XCTAssertEqual(items[1]["charts"]?.arrayValue?.count, 1)
            let courses = try XCTUnwrap(items[1]["user_course"]?.arrayValue)
            XCTAssertEqual(courses.compactMap { $0["id"]?.intValue }, [math, art])
            XCTAssertEqual(courses[0]["professor"], .null)  // not offered in the project
            XCTAssertEqual(courses[0]["confirm_course"]?["score"]?.intValue, 90)
            XCTAssertEqual(courses[0]["confirm_course"]?["status"], choiceJSON("PASS", "通过"))
            XCTAssertEqual(courses[1]["professor"]?.stringValue, "Iron Musk")
            XCTAssertEqual(courses[1]["project"]?.intValue, project)
            XCTAssertEqual(courses[1]["start_time"]?.stringValue, "2026-01-01")
            XCTAssertEqual(courses[1]["confirm_course"]?["status"]?["key"]?.stringValue, "TO_UPLOAD")
            XCTAssertEqual(courses[1]["confirm_course"]?["confirm_img"], .null)
            XCTAssertEqual(courses[1]["confirm_course"]?["reporting_time"], .null)
        }
    }
}
