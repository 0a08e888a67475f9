import RegistrarCore

/// Schema pieces the back office's documentation shares: enumeration values as rendered (`{key, verbose}`)
/// and the shapes of objects owned by other modules that back-office answers embed (order, project,
/// campus, consultant). The latter are left unnamed, so they never clash with the owners' named schemas.
enum BackOfficeSchemas {
    /// A rendered enumeration value `{key, verbose}` (conventions §10.1).
    static func choice(_ labels: KeyValuePairs<String, String>) -> Schema {
        .object(["key": .choice(labels), "verbose": .string])
    }

    static let role = choice(["STUDENT": "学生", "ADMIN": "管理员", "MARKET": "市场部", "PRODUCT": "产品部", "FINANCE": "财务部"])
    static let userCourseStatusKeys: KeyValuePairs<String, String> = [
        "TO_UPLOAD": "待上传", "TO_CONFIRM": "待审核", "PASS": "通过", "NOPASS": "不通过",
    ]
    static let userCourseStatus = choice(userCourseStatusKeys)
    static let creditSwitchStatusKeys: KeyValuePairs<String, String> = [
        "PRE_POSTED": "成绩待寄出", "POSTED": "成绩单已寄出", "RECEIVED": "学校已收到", "SUCCESS": "学分转换成功", "FAILURE": "学分转换失败",
    ]
    static let creditSwitchStatus = choice(creditSwitchStatusKeys)
    static let orderStatusKeys: KeyValuePairs<String, String> = [
        "CANCELED": "已取消", "TO_PAY": "待支付", "TO_CONFIRM": "待确认", "CONFIRMED": "已确认", "CONFIRM_FAILED": "验证失败",
    ]

    /// Campus object C of the catalogue.
    static let campus = Schema.object([
        "id": .integer, "name": .string, "info": .string, "create_time": SummerSchemas.time, "network_course": .boolean,
    ])

    /// Fee row F of the catalogue.
    static let courseFee = Schema.object([
        "id": .integer, "course_number": .integer, "course_fee": SummerSchemas.money, "course_info": .string.describe("`{n}门`"),
    ])

    /// The members of project object P of the catalogue.
    static let projectMembers: KeyValuePairs<String, Schema> = [
        "id": .integer,
        "campus": campus,
        "name": Schema.string.orNull,
        "start_date": .date,
        "end_date": .date,
        "address": Schema.string.orNull,
        "info": Schema.string.orNull,
        "create_time": SummerSchemas.time,
        "apply_fee": SummerSchemas.money.orNull,
        "course_num": .integer,
        "project_course_fee": .array(courseFee),
    ]
    static let project = Schema.object(projectMembers)

    /// A student's consultant as the student objects show it; `qr_code` an absolute URL or null.
    static let consultant = Schema.object([
        "id": .integer, "name": .string, "email": .string, "qr_code": Schema.string.orNull, "wechat": .string,
    ])

    /// The admin ORDER (back office H): order object O with its operation history.
    static let order: Schema = {
        let mailingAddress = Schema.object([
            "id": .integer, "user": .integer, "department": .string, "phone": .string, "country": .string,
            "post_code": .string, "address": .string,
        ])
        let cartItem = Schema.object([
            "id": .integer, "project": project, "course_num": .integer, "course_fee": SummerSchemas.money,
            "create_time": SummerSchemas.time, "stu_score_detail": mailingAddress,
        ])
        let account = Schema.object([
            "id": .integer, "account_number": .string, "account_name": .string, "opening_bank": Schema.string.orNull,
            "payment": choice(["ALI_PAY": "支付宝转账", "PAY_PAL": "PAY_PAL转账", "BANK": "银行转账"]).orNull,
            "currency": choice(["DOLLAR": "美金", "RMB": "人民币"]).orNull,
            "swift_code": Schema.string.orNull,
        ])
        let proof = Schema.object([
            "id": .integer, "order": .integer, "account_number": .string, "account_name": .string,
            "opening_bank": Schema.string.orNull, "pay_date": .string, "img": .string.describe("绝对 URL"),
            "amount": SummerSchemas.money,
        ])
        let history = Schema.object([
            "id": .integer,
            "operator": .object(["id": .integer, "name": Schema.string.orNull, "role": role.orNull]),
            "create_time": SummerSchemas.time,
            "source": .integer.describe("订单 id"),
            "remark": .string,
        ])
        return .object([
            "id": .integer,
            "user": Schema.string.orNull.describe("下单学生的姓名"),
            "currency": choice(["DOLLAR": "美金", "RMB": "人民币"]).orNull,
            "payment": choice(["BANK": "银行转账", "ALI_PAY": "支付宝转账", "PAY_PAL": "PAY_PAL支付", "OFF_LINE": "面付"]).orNull,
            "create_time": SummerSchemas.time,
            "modified_time": SummerSchemas.time,
            "status": choice(orderStatusKeys).orNull,
            "standard_fee": SummerSchemas.money,
            "pay_fee": SummerSchemas.money,
            "remark": Schema.string.orNull,
            "charts": .array(cartItem),
            "payment_info": account.orNull,
            "order_payed_info": proof.orNull,
            "sales_man": Schema.object(["id": .integer, "name": .string]).orNull,
            "operation_history": .array(history),
        ])
    }()
}
