import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class AccountInfoTests: XCTestCase {
    static func body(_ number: String = "student@example.com", payment: Any = "ALI_PAY") -> [String: Any] {
        ["account_number": number, "account_name": "张三", "payment": payment, "currency": ["key": "RMB"]]
    }

    func testCrud() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let created = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: Self.body())
            XCTAssertEqual(created.code, 0, created.bodyText)
            XCTAssertEqual(created.data, .object([
                "id": .int(1), "account_number": .string("student@example.com"), "account_name": .string("张三"),
                "opening_bank": .null, "payment": .object(["key": .string("ALI_PAY"), "verbose": .string("支付宝转账")]),
                "currency": .object(["key": .string("RMB"), "verbose": .string("人民币")]), "swift_code": .null,
            ]))
            let list = try await client.call(.get, "/admin/account_info/", ticket: admin.ticket)
            XCTAssertEqual(list.data?["results"]?[0], created.data)
            let patch = try await client.call(.patch, "/admin/account_info/1/", ticket: admin.ticket,
                                              json: ["opening_bank": "招商银行", "swift_code": "CMBCCNBS", "currency": "DOLLAR"])
            XCTAssertEqual(patch.data?["opening_bank"]?.stringValue, "招商银行")
            XCTAssertEqual(patch.data?["currency"]?["verbose"]?.stringValue, "美金")
            let clear = try await client.call(.patch, "/admin/account_info/1/", ticket: admin.ticket, json: ["opening_bank": NSNull()])
            XCTAssertEqual(clear.data?["opening_bank"], .null)
            XCTAssertEqual(clear.data?["swift_code"]?.stringValue, "CMBCCNBS")
            // PUT with its own number and method is not a clash.
            let put = try await client.call(.put, "/admin/account_info/1/", ticket: admin.ticket, json: Self.body())
            XCTAssertEqual(put.code, 0, put.bodyText)
            let deleted = try await client.call(.delete, "/admin/account_info/1/", ticket: admin.ticket)
            XCTAssertEqual(deleted.code, 0)
            XCTAssertEqual(deleted.data, .null)
            let missing = try await client.call(.get, "/admin/account_info/1/", ticket: admin.ticket)
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.msg, "请求失败")
        }
    }

    func testFieldRulesAndUniqueness() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            _ = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: Self.body())
            let cases: [([String: Any], String, String)] = [
                (Self.body("student@example.com", payment: "BANK"), "account_number", "账号已存在"),
                (Self.body("6222000011112222", payment: "ALI_PAY"), "payment", "该支付方式的账户已存在"),
                (Self.body("6222", payment: ["key": "ALI_PAY"]), "payment", "该支付方式的账户已存在"),
                (Self.body("6222", payment: "WECHAT"), "payment", "“WECHAT” 不是合法选项。"),
                (Self.body("6222", payment: ["nokey": 1]), "payment", "“{\"nokey\":1}” 不是合法选项。"),
                (Self.body("6222", payment: "BANK").merging(["opening_bank": ""]) { $1 }, "opening_bank", "该字段不能为空。"),
                (Self.body("6222", payment: "BANK").merging(["currency": "EUR"]) { $1 }, "currency", "“EUR” 不是合法选项。"),
                (Self.body("6222", payment: "BANK").merging(["swift_code": String(repeating: "S", count: 31)]) { $1 }, "swift_code", "请确保这个字段不能超过 30 个字符。"),
                (Self.body("", payment: "BANK"), "account_number", "该字段不能为空。"),
                (Self.body("6222", payment: "BANK").merging(["account_name": true]) { $1 }, "account_name", "请填写合法的字符串。"),
            ]
            for (body, field, message) in cases {
                let r = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(body)")
                XCTAssertEqual(r.fieldName, field, "\(body)")
                XCTAssertEqual(r.msg, message, "\(body)")
            }
            let missingCurrency = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket,
                                                        json: ["account_number": "1", "account_name": "a", "payment": "BANK"])
            XCTAssertEqual(missingCurrency.fieldName, "currency")
            XCTAssertEqual(missingCurrency.msg, "该字段是必填项。")
            let count = try await env.count("summer_payment_account_info")
            XCTAssertEqual(count, 1)

            _ = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: Self.body("6222", payment: "BANK"))
            let clash = try await client.call(.patch, "/admin/account_info/2/", ticket: admin.ticket, json: ["payment": "ALI_PAY"])
            XCTAssertEqual(clash.fieldName, "payment")
            XCTAssertEqual(clash.msg, "该支付方式的账户已存在")
        }
    }

    func testRoles() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let finance = try await env.account("finance01", role: .finance)
            let r1 = try await client.call(.get, "/admin/account_info/", ticket: student.ticket)
            XCTAssertEqual(r1.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]))
            let r2 = try await client.call(.post, "/admin/account_info/", ticket: finance.ticket, json: Self.body())
            XCTAssertEqual(r2.code, 403)
            XCTAssertEqual(r2.msg, "您没有执行该操作的权限。")
            let count = try await env.count("summer_payment_account_info")
            XCTAssertEqual(count, 0)
        }
    }

    func testConcurrentCreatesForOneMethodInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let codes = try await withThrowingTaskGroup(of: (Int?, String?).self) { group in
                for index in 0..<5 {
                    group.addTask {
                        let r = try await client.call(.post, "/admin/account_info/", ticket: admin.ticket, json: Self.body("acct\(index)"))
                        return (r.code, r.fieldName)
                    }
                }
                return try await group.reduce(into: [(Int?, String?)]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0.0 == 0 }.count, 1)
            XCTAssertTrue(codes.filter { $0.0 != 0 }.allSatisfy { $0.0 == 400 && $0.1 == "payment" })
        }
    }
}
