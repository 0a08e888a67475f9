import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// `/order/order_payment/` (O6–O7, D2, D9): proofs only for TO_PAY orders of the owner (or by an ADMIN); a
/// refused upload leaves no file and no row.
final class OrderPaymentTests: XCTestCase {
    /// Files stored under the media root's proof folder.
    static func files(_ root: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root + "/order/order_payment")) ?? []
    }

    func testUploadMovesTheOrderToConfirmAndStoresTheImage() async throws {
        let root = SalesManTests.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let student = try await env.student("student01")
            let staff = try await env.account("finance01", role: .finance)
            let other = try await env.student("student02")
            let project = try await env.exampleProject()
            let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            var body = OrderRequests.paymentBody(order: orderID)
            body["opening_bank"] = "招商银行"
            body["amount"] = "100.005"
            let r = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: body)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let data = try XCTUnwrap(r.data)
            XCTAssertEqual(Set(data.objectValue?.keys.map { $0 } ?? []),
                           ["id", "order", "account_number", "account_name", "opening_bank", "pay_date", "img", "amount"])
            XCTAssertEqual(data["order"]?.intValue, orderID)
            XCTAssertEqual(data["amount"]?.cents, 10_001)  // half-up to 2 places
            XCTAssertEqual(data["pay_date"]?.stringValue, "2017-11-16")
            XCTAssertEqual(data["opening_bank"]?.stringValue, "招商银行")
            let url = try XCTUnwrap(data["img"]?.stringValue)
            let prefix = "http://localhost/media/order/order_payment/"
            XCTAssertTrue(url.hasPrefix(prefix), url)
            let file = String(url.dropFirst(prefix.count))
            XCTAssertEqual(file.count, 16)  // 12 random characters + ".png"
            XCTAssertEqual(Self.files(root), [file])
            let bytes = FileManager.default.contents(atPath: root + "/order/order_payment/" + file)
            XCTAssertEqual(bytes, Data(base64Encoded: OrderRequests.png))

            let status = try await env.orderStatus(orderID)
            XCTAssertEqual(status, "TO_CONFIRM")
            let history = try await env.history(order: orderID)
            XCTAssertEqual(history.last.map { "\($0.0) \($0.1) \($0.2)" }, "\(student.id) UPDATE 上传了订单支付信息")

            // O7: owner and staff read it; another student gets 404.
            let proofID = try XCTUnwrap(data["id"]?.intValue)
            for ticket in [student.ticket, staff.ticket] {
                let read = try await client.call(.get, "/order/order_payment/\(proofID)/", ticket: ticket)
                XCTAssertEqual(read.code, 0, read.bodyText)
                XCTAssertEqual(read.data?["img"]?.stringValue, url)
            }
            let foreign = try await client.call(.get, "/order/order_payment/\(proofID)/", ticket: other.ticket)
            XCTAssertEqual(foreign.code, 404)
            let list = try await client.call(.get, "/order/order_payment/", ticket: student.ticket)
            XCTAssertEqual(list.code, 405)
        }
    }

    func testRefusedUploadsLeaveNoFileAndNoRow() async throws {
        let root = SalesManTests.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let student = try await env.student("student01")
            let other = try await env.student("student02")
            let market = try await env.account("market001", role: .market)
            let admin = try await env.account("admin0001", role: .admin)
            let project = try await env.exampleProject()
            let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)

            func body(_ changes: [String: Any?]) -> [String: Any] {
                var body = OrderRequests.paymentBody(order: orderID)
                for (key, value) in changes { body[key] = value ?? nil }
                return body
            }
            let cases: [([String: Any], String, String)] = [
                (body(["order": nil]), "order", "该字段是必填项。"),
                (body(["order": 99999]), "order", "无效主键 “99999” － 对象不存在。"),
                (body(["account_number": ""]), "account_number", "该字段不能为空。"),
                (body(["account_number": String(repeating: "1", count: 31)]), "account_number", "请确保这个字段不能超过 30 个字符。"),
                (body(["account_name": nil]), "account_name", "该字段是必填项。"),
                (body(["opening_bank": String(repeating: "行", count: 31)]), "opening_bank", "请确保这个字段不能超过 30 个字符。"),
                (body(["pay_date": "2017-13-01"]), "pay_date", "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。"),
                (body(["img": nil]), "img", "该字段是必填项。"),
                (body(["img": ""]), "img", "该字段是必填项。"),
                (body(["img": "abc"]), "img", ImageMessage.undecodable),
                (body(["img": Data("plain text".utf8).base64EncodedString()]), "img", ImageMessage.unknownType),
                (body(["img": 12]), "img", ImageMessage.notBase64),
                (body(["amount": nil]), "amount", "该字段是必填项。"),
                (body(["amount": -1]), "amount", "请确保该值大于或者等于 0。"),
                (body(["amount": "abc"]), "amount", "请填写合法的数字。"),
            ]
            for (payload, field, message) in cases {
                let r = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: payload)
                XCTAssertEqual(r.code, 400, "\(field) \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field)
                XCTAssertEqual(r.msg, message, field)
            }
            // D2: another student and non-admin staff name an order that is not theirs.
            for ticket in [other.ticket, market.ticket] {
                let r = try await client.call(.post, "/order/order_payment/", ticket: ticket, json: body([:]))
                XCTAssertEqual(r.fieldName, "order")
                XCTAssertEqual(r.msg, "无效主键 “\(orderID)” － 对象不存在。")
            }
            // D9: only TO_PAY orders take a proof.
            let messages = [
                "CANCELED": "该订单已被取消，不能进行更新任何操作", "TO_CONFIRM": "订单已支付但未确认, 请联系管理员确认订单",
                "CONFIRMED": "管理员已确认该订单，不能进行任何更新操作", "CONFIRM_FAILED": "管理员已确认订单支付认证失败，不能进行任何更新操作",
            ]
            for (status, message) in messages {
                try await env.sql.raw("UPDATE summer_order SET status = \(bind: status) WHERE id = \(bind: orderID)").run()
                let r = try await client.call(.post, "/order/order_payment/", ticket: student.ticket, json: body([:]))
                XCTAssertEqual(r.code, 400)
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, message, status)
                let stored = try await env.orderStatus(orderID)
                XCTAssertEqual(stored, status)
            }
            let proofs = try await env.count("summer_order_payment")
            XCTAssertEqual(proofs, 0)
            XCTAssertEqual(Self.files(root), [])
            let history = try await env.count("summer_order_operate_history", where: "key = 'UPDATE'")
            XCTAssertEqual(history, 0)

            // An ADMIN may upload for the student.
            try await env.sql.raw("UPDATE summer_order SET status = 'TO_PAY' WHERE id = \(bind: orderID)").run()
            let byAdmin = try await client.call(.post, "/order/order_payment/", ticket: admin.ticket, json: body([:]))
            XCTAssertEqual(byAdmin.code, 0, byAdmin.bodyText)
            let operatorRows = try await env.history(order: orderID)
            XCTAssertEqual(operatorRows.last?.0, admin.id)
        }
    }

    /// Decision 35: an image body may reach 10 MiB; a larger one is refused with nothing written.
    func testImageBodiesUpToTenMebibytes() async throws {
        let root = SalesManTests.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let student = try await env.student("student01")
            let project = try await env.exampleProject()
            let orderID = try await OrderTests.order(env, client, ticket: student.ticket, userID: student.id, project: project)
            // A valid PNG followed by padding bytes.
            func image(_ size: Int) -> String {
                var bytes = Data(base64Encoded: OrderRequests.png)!
                bytes.append(Data(count: size))
                return bytes.base64EncodedString()
            }
            let tooLarge = try await client.call(.post, "/order/order_payment/", ticket: student.ticket,
                                                 json: OrderRequests.paymentBody(order: orderID, img: image(8 << 20)))
            XCTAssertEqual(tooLarge.code, 400)
            XCTAssertEqual(tooLarge.msg, "请求数据过大")
            XCTAssertEqual(Self.files(root), [])
            let proofs = try await env.count("summer_order_payment")
            XCTAssertEqual(proofs, 0)

            let large = try await client.call(.post, "/order/order_payment/", ticket: student.ticket,
                                              json: OrderRequests.paymentBody(order: orderID, img: image(2 << 20)))
            XCTAssertEqual(large.code, 0, String(large.bodyText.prefix(300)))
            XCTAssertEqual(Self.files(root).count, 1)
        }
    }
}
