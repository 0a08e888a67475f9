import Foundation
import RegistrarCore
import SQLKit
@testable import SummerSchool

/// The public sample export (shared/ lies beside the repository) and small exports built in tests.
enum ImportFixtures {
    static var sampleURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/samples/original-dumpdata-sample.json").standardizedFileURL
    }

    static func sample() throws -> Data { try Data(contentsOf: sampleURL) }

    /// A small valid export: one admin, one student with a profile and mailing address, a campus, a project with
    /// its fee table, a course offered in it, a coupon, a cart and an order using both.
    static func base() -> [[String: Any]] {
        [
            record("authentication.user", 1, ["username": "boss_admin", "password": "pbkdf2_sha256$1$salt$x", "name": "管理员",
                                              "role": "ADMIN", "is_active": true, "is_superuser": false,
                                              "last_login": NSNull(), "create_time": "2018-01-01T00:00:00Z", "qr_code": NSNull()]),
            record("authentication.user", 2, ["username": "oStudentOpenID", "password": NSNull(), "name": NSNull(),
                                              "role": "STUDENT", "is_active": true, "is_superuser": false,
                                              "last_login": "2018-02-01T08:00:00.123Z", "create_time": "2018-02-01T08:00:00Z", "qr_code": NSNull()]),
            record("authentication.userinfo", 1, ["user": 2, "name": "张三", "email": "a@b.com", "wechat": "wx", "cschool": "北大",
                                                  "wcampus": "[\"1\"]", "create_time": "2018-02-01T08:00:00Z", "webid": NSNull(),
                                                  "unionid": "u1", "openid": "oStudentOpenID", "headimgurl": NSNull(), "wx_name": NSNull(),
                                                  "first_name": NSNull(), "last_name": NSNull(), "phone": "", "gender": "",
                                                  "id_number": NSNull(), "major": NSNull(), "graduate_year": NSNull(), "gpa": 3.415,
                                                  "valid_sales_man": false, "channel_id": 0, "recommand_user_id": 9]),
            record("authentication.studentscoredetail", 1, ["user": 2, "department": "教务处", "phone": "1", "country": "中国",
                                                            "post_code": "100000", "address": "北京"]),
            record("source.campus", 1, ["name": "北京校区", "info": "i", "network_course": false, "create_time": "2018-01-01T00:00:00Z", "is_active": true]),
            record("source.project", 1, ["campus": 1, "name": "p", "start_date": "2018-07-01", "end_date": "2018-08-01", "address": NSNull(),
                                         "info": NSNull(), "create_time": "2018-01-01T00:00:00Z", "apply_fee": 1100.1, "course_num": 2, "is_active": true]),
            record("source.projectcoursefee", 1, ["project": 1, "course_number": 1, "course_fee": 2200.2]),
            record("source.course", 1, ["course_code": "C1", "name": "c", "max_num": 1, "credit": 3, "create_time": "2018-01-01T00:00:00Z",
                                        "modified_time": "2018-01-01T00:00:00Z", "is_active": true]),
            record("source.courseproject", 1, ["project": 1, "course": 1, "create_time": "2018-01-01T00:00:00Z",
                                               "modified_time": "2018-01-01T00:00:00Z", "professor": "x", "start_time": "2018-07-01",
                                               "end_time": "2018-08-01", "address": "a"]),
            record("coupon.coupon", 1, ["coupon_code": "ABCDEFGHIJ", "amount": 0.1 + 0.2, "info": "i", "create_time": "2018-01-01T00:00:00Z",
                                        "start_time": "2018-01-01T00:00:00Z", "end_time": "2019-01-01T00:00:00Z", "max_num": 5, "is_active": true]),
            record("coupon.usercoupon", 1, ["user": 2, "coupon": 1, "status": "USED"]),
            record("order.shoppingchart", 1, ["project": 1, "user": 2, "course_num": 1, "course_fee": 2200.2, "create_time": "2018-03-01T00:00:00Z",
                                              "modified_time": "2018-03-01T00:00:00Z", "status": "ORDERED", "stu_score_detail": 1]),
            record("order.order", 7, ["user": 2, "chart_ids": "[1]", "currency": "RMB", "payment": "BANK", "status": "CONFIRMED",
                                      "standard_fee": 1100.1 + 2200.2, "pay_fee": 1100.1 + 2200.2 - (0.1 + 0.2),
                                      "create_time": "2018-03-01T00:00:00Z", "modified_time": "2018-03-01T00:00:00Z", "remark": NSNull(),
                                      "coupon_list": "[1]"]),
            record("order.usercourse", 1, ["user": 2, "course": 1, "order": 7, "project": 1, "create_time": "2018-03-01T00:00:00Z",
                                           "modified_time": "2018-03-01T00:00:00Z", "score": 0, "score_grade": NSNull(), "reporting_time": NSNull(),
                                           "confirm_img": "", "status": "TO_UPLOAD", "post_datetime": NSNull(), "post_channel": NSNull(),
                                           "post_number": NSNull(), "credit_switch_status": "PRE_POSTED", "switch_img": ""]),
            record("order.orderpayment", 1, ["order": 7, "amount": 3300.0, "account_number": "1", "account_name": "n", "opening_bank": NSNull(),
                                             "pay_date": "2018-03-02", "img": "order/order_payment/proof.jpg", "create_time": "2018-03-02T00:00:00Z"]),
            record("operate_history.orderoperatehistory", 1, ["operator": 1, "key": "CREATE", "create_time": "2018-03-01T00:00:00Z",
                                                              "remark": "创建了订单", "source": 7]),
        ]
    }

    static func record(_ model: String, _ pk: Int, _ fields: [String: Any]) -> [String: Any] {
        ["model": model, "pk": pk, "fields": fields]
    }

    /// `base()` with one field of one record replaced (`NSNull()` for null; nil removes the field).
    static func base(_ model: String, _ pk: Int, _ field: String, _ value: Any?) -> [[String: Any]] {
        base().map { record in
            guard record["model"] as? String == model, record["pk"] as? Int == pk else { return record }
            var copy = record
            var fields = record["fields"] as! [String: Any]
            fields[field] = value
            copy["fields"] = fields
            return copy
        }
    }

    static func encode(_ records: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted])
    }
}

extension SummerTestEnv {
    /// Imports `data` into the test database; a dry run when asked.
    @discardableResult
    func importOriginal(_ data: Data, dryRun: Bool = false, mediaFrom: String? = nil, mediaRoot: String? = nil) async throws -> ImportReport {
        try await OriginalImport.run(
            source: .bytes(data, chunk: 777), database: database,
            options: .init(dryRun: dryRun, mediaFrom: mediaFrom, mediaRoot: mediaRoot ?? app.settings.mediaRoot))
    }

    /// The import's refusal message (fails the test when the import succeeds).
    func refusal(_ data: Data) async throws -> String {
        do {
            try await importOriginal(data)
        } catch let failure as ImportFailure {
            return failure.description
        }
        throw TestFailure("the import was not refused")
    }

    func scalar<T: Decodable>(_ query: String, as type: T.Type = Int.self) async throws -> T? {
        try await sql.raw(SQLQueryString(query)).first(decoding: ScalarRow<T>.self)?.v
    }
}

/// One column named `v`.
private struct ScalarRow<V: Decodable>: Decodable { let v: V? }
