import Hummingbird
import RegistrarCore

/// `GET /common/global_enums/`: every selectable enumeration, a constant (identity spec §5.3).
///
/// Member and item order are part of the contract, so the payload is written out in order here and the whole
/// response body is encoded once, at first use, and then reused for every request.
enum GlobalEnums {
    typealias Choice = (key: String, verbose: String)

    static let members: [(name: String, choices: [Choice])] = [
        ("account_payment", [("ALI_PAY", "支付宝转账"), ("PAY_PAL", "PAY_PAL转账"), ("BANK", "银行转账")]),
        ("account_currency", [("DOLLAR", "美金"), ("RMB", "人民币")]),
        ("user_info_gender", [("MALE", "男"), ("FEMALE", "女")]),
        ("order_payment", [("BANK", "银行转账"), ("ALI_PAY", "支付宝转账"), ("PAY_PAL", "PAY_PAL支付"), ("OFF_LINE", "面付")]),
        ("order_currency", [("DOLLAR", "美金"), ("RMB", "人民币")]),
        ("order_status", [
            ("CANCELED", "已取消"), ("TO_PAY", "待支付"), ("TO_CONFIRM", "待确认"), ("CONFIRMED", "已确认"),
            ("CONFIRM_FAILED", "验证失败"),
        ]),
        ("user_status", [("NEW", "新关注"), ("CONTACTED", "已联系")]),
        ("course_credit_switch", [
            ("PRE_POSTED", "成绩待寄出"), ("POSTED", "成绩单已寄出"), ("RECEIVED", "学校已收到"), ("SUCCESS", "学分转换成功"),
            ("FAILURE", "学分转换失败"),
        ]),
        ("user_course_status", [("TO_UPLOAD", "待上传"), ("TO_CONFIRM", "待审核"), ("PASS", "通过"), ("NOPASS", "不通过")]),
        ("coupon_status", [("TO_USE", "待使用"), ("LOCKED", "被锁定"), ("USED", "已使用")]),
        ("user_role", [("STUDENT", "学生"), ("ADMIN", "管理员"), ("MARKET", "市场部"), ("PRODUCT", "产品部"), ("FINANCE", "财务部")]),
    ]

    /// The complete envelope, written once by hand: JSONEncoder does not keep member order, and the order of
    /// members (and of `key` before `verbose`) is part of the contract. No label needs JSON escaping.
    static let body: ByteBuffer = {
        let data = members.map { member in
            "\"\(member.name)\":[" + member.choices.map { "{\"key\":\"\($0.key)\",\"verbose\":\"\($0.verbose)\"}" }
                .joined(separator: ",") + "]"
        }.joined(separator: ",")
        return ByteBuffer(string: "{\"code\":0,\"msg\":\"请求成功\",\"data\":{\(data)},\"field_name\":\"\"}")
    }()

    static func response() -> Response {
        ResponseCode.record(0)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }
}
