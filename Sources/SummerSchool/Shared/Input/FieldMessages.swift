import RegistrarCore

/// The standard field messages (conventions §4.3 as amended by decisions 3 and 32).
public enum FieldMessage {
    public static let required = "该字段是必填项。"
    public static let null = "该字段不能为 null。"
    public static let blank = "该字段不能为空。"
    /// DRF's "Null characters are not allowed." (decision 32: in Chinese).
    public static let nullCharacter = "不允许包含空字符。"
    public static let notString = "请填写合法的字符串。"
    public static let notInteger = "请填写合法的整数值。"
    public static let notNumber = "请填写合法的数字。"
    public static let email = "请输入合法的邮件地址。"
    public static let dateTime = "日期时间格式错误。请从这些格式中选择：YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]。"
    public static let date = "日期格式错误。请从这些格式中选择：YYYY[-MM[-DD]]。"
    public static let moneyDigits = "请确保总计不超过 12 个数字。"

    public static func maxLength(_ n: Int) -> String { "请确保这个字段不能超过 \(n) 个字符。" }
    public static func minLength(_ n: Int) -> String { "请确保这个字段至少包含 \(n) 个字符。" }
    public static func maxValue(_ n: Int) -> String { "请确保该值小于或者等于 \(n)。" }
    public static func minValue(_ n: Int) -> String { "请确保该值大于或者等于 \(n)。" }
    public static func notBool(_ input: String) -> String { "“\(input)” 不是合法的布尔值。" }
    public static func invalidChoice(_ input: String) -> String { "“\(input)” 不是合法选项。" }
    public static func noSuchObject(_ input: String) -> String { "无效主键 “\(input)” － 对象不存在。" }
    public static func notPrimaryKey(_ type: String) -> String { "类型错误。期望为主键，得到的类型为 \(type)。" }
    public static func notList(_ type: String) -> String { "期望为一个包含物件的列表，得到的类型是“\(type)”。" }
    /// A password rule violation (decision 41).
    public static func password(_ violation: PasswordRule.Violation) -> String {
        switch violation {
        case .tooShort(let min): return minLength(min)
        case .tooLong(let max): return maxLength(max)
        case .nullCharacter: return nullCharacter
        case .tooManyBytes: return PasswordRule.tooManyBytesMessage
        }
    }
    /// Uniqueness (decision 32): `{字段标签}已存在`, e.g. `用户名已存在`.
    public static func taken(_ label: String) -> String { "\(label)已存在" }
}

extension AppError {
    /// A field validation failure: code 400 with the field's name.
    public static func field(_ name: String, _ msg: String) -> AppError { AppError(code: 400, msg: msg, fieldName: name) }
    /// A cross-field / business rule failure (`non_field_errors`).
    public static func rule(_ msg: String) -> AppError { AppError(code: 400, msg: msg, fieldName: "non_field_errors") }
    /// A rule checked directly in the handler (`field_name` `""`).
    public static func check(_ msg: String) -> AppError { AppError(code: 400, msg: msg) }
    /// Object lookup failed (conventions §4.1).
    public static let notFound = AppError(code: 404, msg: "请求失败")
    /// Endpoint permission failure.
    public static let forbidden = AppError(code: 403, msg: "您没有执行该操作的权限。")
    /// Login-layer bodies (two members only).
    public static let notLoggedIn = AppError(code: 401, msg: "未登陆", bare: true)
    public static let adminAreaForbidden = AppError(code: 403, msg: "您没有执行该操作的权限", bare: true)
    public static func methodNotAllowed(_ method: String) -> AppError { AppError(code: 405, msg: "方法 “\(method)” 不被允许。") }
    public static let invalidPage = AppError(code: 404, msg: "无效页面。")
}
