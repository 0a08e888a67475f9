import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class ChannelTests: XCTestCase {
    static func makeSalesMan(_ env: SummerTestEnv, name: String = "zhangsan") async throws -> Int {
        struct ID: Decodable { let id: Int }
        return try await env.sql.raw("""
            INSERT INTO summer_sales_man (name, wechat, email, qr_code) VALUES (\(bind: name), 'wx', 'a@example.com', '') RETURNING id
            """).first(decoding: ID.self)!.id
    }

    static func body(salesMan: Int, name: String = "西南财大9月推广第一期") -> [String: Any] {
        ["name": name, "plan_date": "2017-08-21", "sales_man": salesMan, "plan_student_number": 200,
         "plan_file_student_number": "100", "plan_payed_student_number": 50]
    }

    func testCreateWithQRCodeThenReadUpdateDelete() async throws {
        try await SummerTestEnv.run { env, client in
            let market = try await env.account("market001", role: .market)
            let salesMan = try await Self.makeSalesMan(env)
            let created = try await client.call(.post, "/market/channel/", ticket: market.ticket,
                                                json: Self.body(salesMan: salesMan).merging(["qr_code": "x", "id": 7]) { $1 })
            XCTAssertEqual(created.code, 0, created.bodyText)
            let channel = try XCTUnwrap(created.data)
            XCTAssertEqual(channel["id"]?.intValue, 1)
            XCTAssertEqual(channel["plan_date"]?.stringValue, "2017-08-21")
            XCTAssertEqual(channel["sales_man"], .object(["id": .int(Int64(salesMan)), "name": .string("zhangsan")]))
            XCTAssertEqual(channel["plan_file_student_number"]?.intValue, 100)
            XCTAssertEqual(channel["qr_code"]?.stringValue, "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_channel_id_1")
            XCTAssertNotNil(channel["create_time"]?.stringValue)
            XCTAssertEqual(channel.objectValue?.keys.sorted(), [
                "create_time", "id", "name", "plan_date", "plan_file_student_number", "plan_payed_student_number",
                "plan_student_number", "qr_code", "sales_man",
            ])

            let list = try await client.call(.get, "/market/channel/", ticket: market.ticket)
            XCTAssertEqual(list.data?["count"]?.intValue, 1)
            XCTAssertEqual(list.data?["results"]?[0], channel)
            let detail = try await client.call(.get, "/market/channel/1/", ticket: market.ticket)
            XCTAssertEqual(detail.data, channel)

            let other = try await Self.makeSalesMan(env, name: "lisi")
            let patch = try await client.call(.patch, "/market/channel/1/", ticket: market.ticket, json: ["sales_man": other, "name": "西南财大9月推广第一期"])
            XCTAssertEqual(patch.code, 0, patch.bodyText)
            XCTAssertEqual(patch.data?["sales_man"]?["name"]?.stringValue, "lisi")
            XCTAssertEqual(patch.data?["qr_code"], channel["qr_code"])  // not regenerated
            let nullSalesMan = try await client.call(.patch, "/market/channel/1/", ticket: market.ticket, json: ["sales_man": NSNull()])
            XCTAssertEqual(nullSalesMan.fieldName, "sales_man")
            XCTAssertEqual(nullSalesMan.msg, "该字段不能为 null。")
            let put = try await client.call(.put, "/market/channel/1/", ticket: market.ticket, json: ["name": "新名字"])
            XCTAssertEqual(put.fieldName, "plan_date")
            XCTAssertEqual(put.msg, "该字段是必填项。")

            try await env.sql.raw("""
                INSERT INTO summer_user_channel (openid, user_id, channel_id, create_time, modified_time) VALUES ('o1', \(bind: market.id), 1, 0, 0)
                """).run()
            let deleted = try await client.call(.delete, "/market/channel/1/", ticket: market.ticket)
            XCTAssertEqual(deleted.code, 0)
            XCTAssertEqual(deleted.data, .null)
            XCTAssertEqual(deleted.msg, "请求成功")
            let channels = try await env.count("summer_market_channel")
            let links = try await env.count("summer_user_channel")
            XCTAssertEqual(channels, 0)
            XCTAssertEqual(links, 0)
            let again = try await client.call(.delete, "/market/channel/1/", ticket: market.ticket)
            XCTAssertEqual(again.code, 404)
            XCTAssertEqual(again.msg, "请求失败")
        }
    }

    func testFieldRulesAndUniqueName() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await Self.makeSalesMan(env)
            _ = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: Self.body(salesMan: salesMan))
            let cases: [([String: Any], String, String)] = [
                (["name": "西南财大9月推广第一期"], "name", "推广名称已存在"),
                (["name": ""], "name", "该字段不能为空。"),
                (["name": String(repeating: "a", count: 31)], "name", "请确保这个字段不能超过 30 个字符。"),
                (["plan_date": "2017-08"], "plan_date", "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。"),
                (["sales_man": 99], "sales_man", "无效主键 “99” － 对象不存在。"),
                (["sales_man": NSNull()], "sales_man", "该字段不能为 null。"),
                (["plan_student_number": "many"], "plan_student_number", "请填写合法的整数值。"),
                (["plan_payed_student_number": 2_147_483_648], "plan_payed_student_number", "请确保该值小于或者等于 2147483647。"),
            ]
            for (change, field, message) in cases {
                let body = Self.body(salesMan: salesMan, name: "另一个渠道").merging(change) { $1 }
                let r = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: body)
                XCTAssertEqual(r.code, 400, "\(change)")
                XCTAssertEqual(r.fieldName, field, "\(change)")
                XCTAssertEqual(r.msg, message, "\(change)")
            }
            let count = try await env.count("summer_market_channel")
            XCTAssertEqual(count, 1)
            // Updating a channel may keep its own name, not take another's.
            _ = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: Self.body(salesMan: salesMan, name: "第二期"))
            let taken = try await client.call(.patch, "/market/channel/2/", ticket: admin.ticket, json: ["name": "西南财大9月推广第一期"])
            XCTAssertEqual(taken.msg, "推广名称已存在")
            let own = try await client.call(.put, "/market/channel/2/", ticket: admin.ticket, json: Self.body(salesMan: salesMan, name: "第二期"))
            XCTAssertEqual(own.code, 0)
        }
    }

    func testRoles() async throws {
        try await SummerTestEnv.run { env, client in
            let salesMan = try await Self.makeSalesMan(env)
            let admin = try await env.account("admin0001", role: .admin)
            _ = try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: Self.body(salesMan: salesMan))
            let student = try await env.account("student01", role: .student)
            let finance = try await env.account("finance01", role: .finance)
            let product = try await env.account("product01", role: .product)

            for (method, path) in [(HTTPRequest.Method.get, "/market/channel/"), (.get, "/market/channel/1/"),
                                   (.post, "/market/channel/"), (.delete, "/market/channel/1/")] {
                let r = try await client.call(method, path, ticket: student.ticket, json: method == .post ? [:] : nil)
                XCTAssertEqual(r.code, 403, path)
                XCTAssertEqual(r.msg, "您没有执行该操作的权限。")
            }
            for ticket in [finance.ticket, product.ticket] {
                let list = try await client.call(.get, "/market/channel/", ticket: ticket)
                XCTAssertEqual(list.code, 0)
                let detail = try await client.call(.get, "/market/channel/1/", ticket: ticket)
                XCTAssertEqual(detail.code, 0)
                for (method, path) in [(HTTPRequest.Method.post, "/market/channel/"), (.put, "/market/channel/1/"),
                                       (.patch, "/market/channel/1/"), (.delete, "/market/channel/1/")] {
                    let r = try await client.call(method, path, ticket: ticket, json: Self.body(salesMan: salesMan, name: "x"))
                    XCTAssertEqual(r.code, 403, "\(method) \(path)")
                }
            }
            let count = try await env.count("summer_market_channel")
            XCTAssertEqual(count, 1)
        }
    }

    func testConcurrentCreatesWithOneNameInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await Self.makeSalesMan(env)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await client.call(.post, "/market/channel/", ticket: admin.ticket, json: Self.body(salesMan: salesMan)).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 4)
        }
    }
}
