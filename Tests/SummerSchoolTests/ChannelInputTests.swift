import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Input forms of `/market/channel/` (identity §8.2–8.5, conventions §10.2/§11).
final class ChannelInputTests: XCTestCase {
    func testBlankConsultantIsNullAndFormBodiesWork() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await ChannelTests.makeSalesMan(env)
            let blank = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                              json: ChannelTests.body(salesMan: salesMan).merging(["sales_man": ""]) { $1 })
            XCTAssertEqual(blank.fieldName, "sales_man")
            XCTAssertEqual(blank.msg, "该字段不能为 null。")
            let blankForm = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                                  form: "name=a&plan_date=2017-08-21&sales_man=&plan_student_number=1&plan_file_student_number=1&plan_payed_student_number=1")
            XCTAssertEqual(blankForm.fieldName, "sales_man")
            XCTAssertEqual(blankForm.msg, "该字段不能为 null。")
            let badDate = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                                json: ChannelTests.body(salesMan: salesMan).merging(["plan_date": "2017-08"]) { $1 })
            XCTAssertEqual(badDate.fieldName, "plan_date")
            XCTAssertEqual(badDate.msg, "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。")
            let count = try await env.count("summer_market_channel")
            XCTAssertEqual(count, 0)

            let form = try await client.call(.post, "/market/channel/", ticket: admin.ticket,
                                             form: "name=%20表单渠道%20&plan_date=2017-08-21&sales_man=\(salesMan)&plan_student_number=2.0&plan_file_student_number=1&plan_payed_student_number=0&qr_code=x&id=9")
            XCTAssertEqual(form.code, 0, form.bodyText)
            XCTAssertEqual(form.data?["id"]?.intValue, 1)
            XCTAssertEqual(form.data?["name"]?.stringValue, "表单渠道")
            XCTAssertEqual(form.data?["plan_student_number"]?.intValue, 2)
            XCTAssertEqual(form.data?["qr_code"]?.stringValue, "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=STUB_channel_id_1")
            let patch = try await client.call(.patch, "/market/channel/1/", ticket: admin.ticket, form: "sales_man=")
            XCTAssertEqual(patch.msg, "该字段不能为 null。")
        }
    }
}
