/// A Registrar table the import writes: its columns in insert order, and what identifies a row for messages.
struct ImportTable: Sendable, Hashable {
    let name: String
    let columns: [String]
    /// Whether the table has an `id` column (its sequence is advanced after the import).
    let hasID: Bool
    /// Unique column sets other than `id`, with the export field named when a row collides on one.
    let uniqueKeys: [UniqueKey]

    struct UniqueKey: Sendable, Hashable {
        let field: String
        let columns: [String]
    }

    init(_ name: String, _ columns: [String], hasID: Bool = true, unique: [UniqueKey] = []) {
        self.name = name
        self.columns = (hasID ? ["id"] : []) + columns
        self.hasID = hasID
        self.uniqueKeys = unique
    }

    static func == (lhs: ImportTable, rhs: ImportTable) -> Bool { lhs.name == rhs.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension ImportTable {
    static let user = ImportTable(
        "summer_user", ["username", "password", "name", "role", "is_active", "is_superuser", "last_login", "create_time", "qr_code"],
        unique: [.init(field: "username", columns: ["username"])])
    static let studentInfo = ImportTable(
        "summer_student_info",
        ["user_id", "name", "email", "wechat", "cschool", "wcampus", "create_time", "webid", "unionid", "openid",
         "headimgurl", "wx_name", "first_name", "last_name", "phone", "gender", "id_number", "major", "graduate_year",
         "gpa", "valid_sales_man", "channel_id", "recommand_user_id"],
        unique: [.init(field: "user", columns: ["user_id"]), .init(field: "unionid", columns: ["unionid"]),
                 .init(field: "openid", columns: ["openid"]), .init(field: "id_number", columns: ["id_number"])])
    static let userInfoRemark = ImportTable("summer_user_info_remark", ["user_info_id", "remark", "create_time"])
    static let scoreDetail = ImportTable(
        "summer_student_score_detail", ["user_id", "department", "phone", "country", "post_code", "address"])
    static let salesMan = ImportTable("summer_sales_man", ["name", "wechat", "email", "qr_code"])
    static let salesManUser = ImportTable(
        "summer_sales_man_user", ["user_id", "sales_man_id", "status", "create_time", "remark"],
        unique: [.init(field: "user", columns: ["user_id"])])
    static let campus = ImportTable("summer_campus", ["name", "info", "network_course", "create_time", "is_active"])
    static let project = ImportTable(
        "summer_project",
        ["campus_id", "name", "start_date", "end_date", "address", "info", "create_time", "apply_fee", "course_num", "is_active"])
    static let projectCourseFee = ImportTable(
        "summer_project_course_fee", ["project_id", "course_number", "course_fee"],
        unique: [.init(field: "course_number", columns: ["project_id", "course_number"])])
    static let course = ImportTable(
        "summer_course", ["course_code", "name", "max_num", "credit", "create_time", "modified_time", "is_active"],
        unique: [.init(field: "course_code", columns: ["course_code"])])
    static let courseProject = ImportTable(
        "summer_course_project",
        ["project_id", "course_id", "create_time", "modified_time", "professor", "start_time", "end_time", "address"],
        unique: [.init(field: "course", columns: ["project_id", "course_id"])])
    static let coupon = ImportTable(
        "summer_coupon", ["coupon_code", "amount", "info", "create_time", "start_time", "end_time", "max_num", "is_active"])
    static let userCoupon = ImportTable(
        "summer_user_coupon", ["user_id", "coupon_id", "status"],
        unique: [.init(field: "coupon", columns: ["user_id", "coupon_id"])])
    static let channel = ImportTable(
        "summer_market_channel",
        ["name", "plan_date", "sales_man_id", "plan_student_number", "plan_file_student_number",
         "plan_payed_student_number", "create_time", "modified_time", "qr_code"],
        unique: [.init(field: "name", columns: ["name"])])
    static let userChannel = ImportTable(
        "summer_user_channel", ["openid", "user_id", "channel_id", "create_time", "modified_time"])
    static let paymentAccount = ImportTable(
        "summer_payment_account_info",
        ["account_number", "account_name", "opening_bank", "payment", "currency", "swift_code", "create_time"],
        unique: [.init(field: "account_number", columns: ["account_number"]), .init(field: "payment", columns: ["payment"])])
    static let shoppingChart = ImportTable(
        "summer_shopping_chart",
        ["project_id", "user_id", "course_num", "course_fee", "create_time", "modified_time", "status", "stu_score_detail_id"])
    static let order = ImportTable(
        "summer_order",
        ["user_id", "currency", "payment", "status", "standard_fee", "pay_fee", "create_time", "modified_time", "remark"])
    static let orderChart = ImportTable(
        "summer_order_chart", ["order_id", "chart_id"], hasID: false,
        unique: [.init(field: "chart_ids", columns: ["order_id", "chart_id"])])
    static let orderCoupon = ImportTable(
        "summer_order_coupon", ["order_id", "coupon_id"], hasID: false,
        unique: [.init(field: "coupon_list", columns: ["order_id", "coupon_id"])])
    static let userCourse = ImportTable(
        "summer_user_course",
        ["user_id", "course_id", "order_id", "project_id", "create_time", "modified_time", "score", "score_grade",
         "reporting_time", "confirm_img", "status", "post_datetime", "post_channel", "post_number",
         "credit_switch_status", "switch_img"],
        unique: [.init(field: "course", columns: ["user_id", "order_id", "project_id", "course_id"])])
    static let orderPayment = ImportTable(
        "summer_order_payment",
        ["order_id", "amount", "account_number", "account_name", "opening_bank", "pay_date", "img", "create_time"])
    static let orderHistory = ImportTable(
        "summer_order_operate_history", ["operator_id", "key", "create_time", "remark", "source_id"])

    /// Every table, parents before children: batches are written in this order.
    static let all: [ImportTable] = [
        user, studentInfo, userInfoRemark, scoreDetail, salesMan, salesManUser, campus, project, projectCourseFee,
        course, courseProject, coupon, userCoupon, channel, userChannel, paymentAccount, shoppingChart, order,
        orderChart, orderCoupon, userCourse, orderPayment, orderHistory,
    ]
}
