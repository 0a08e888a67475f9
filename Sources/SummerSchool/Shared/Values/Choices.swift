/// A `{key, verbose}` enumeration value as rendered to clients (conventions §10.1).
public struct Choice: Encodable, Sendable, Equatable {
    public var key: String
    public var verbose: String
}

/// One enumeration: its keys and Chinese labels, in declaration order.
public struct ChoiceSet: Sendable {
    public let items: [Choice]

    public init(_ pairs: KeyValuePairs<String, String>) {
        items = pairs.map { Choice(key: $0.key, verbose: $0.value) }
    }

    public func contains(_ key: String) -> Bool { items.contains { $0.key == key } }

    /// The rendering of a stored key; nil for nil (and for unknown keys, which the API never stores).
    public func choice(_ key: String?) -> Choice? {
        guard let key else { return nil }
        return items.first { $0.key == key }
    }

    public static let role = ChoiceSet(["STUDENT": "学生", "ADMIN": "管理员", "MARKET": "市场部", "PRODUCT": "产品部", "FINANCE": "财务部"])
    public static let gender = ChoiceSet(["MALE": "男", "FEMALE": "女"])
    public static let salesManUserStatus = ChoiceSet(["NEW": "新关注", "CONTACTED": "已联系"])
    public static let couponStatus = ChoiceSet(["TO_USE": "待使用", "LOCKED": "被锁定", "USED": "已使用"])
    public static let accountPayment = ChoiceSet(["ALI_PAY": "支付宝转账", "PAY_PAL": "PAY_PAL转账", "BANK": "银行转账"])
    public static let currency = ChoiceSet(["DOLLAR": "美金", "RMB": "人民币"])
    public static let orderPayment = ChoiceSet(["BANK": "银行转账", "ALI_PAY": "支付宝转账", "PAY_PAL": "PAY_PAL支付", "OFF_LINE": "面付"])
    public static let orderStatus = ChoiceSet([
        "CANCELED": "已取消", "TO_PAY": "待支付", "TO_CONFIRM": "待确认", "CONFIRMED": "已确认", "CONFIRM_FAILED": "验证失败",
    ])
    public static let userCourseStatus = ChoiceSet(["TO_UPLOAD": "待上传", "TO_CONFIRM": "待审核", "PASS": "通过", "NOPASS": "不通过"])
    public static let creditSwitchStatus = ChoiceSet([
        "PRE_POSTED": "成绩待寄出", "POSTED": "成绩单已寄出", "RECEIVED": "学校已收到", "SUCCESS": "学分转换成功", "FAILURE": "学分转换失败",
    ])
    public static let shoppingChartStatus = ChoiceSet(["NEW": "新添加", "ORDERED": "已下单", "DELETED": "已删除"])
    public static let operateKey = ChoiceSet(["CREATE": "创建", "UPDATE": "更新", "DELETE": "删除"])
}
