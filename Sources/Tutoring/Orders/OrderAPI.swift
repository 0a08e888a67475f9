import RegistrarCore

extension OrderRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("orderID", "订单ID", body: "OrderTarget")
        return [
            .get(
                "/admin/order/list", "订单列表", notes: "每页 10 条，按 orderID 降序；每个订单的在读课程按 lessonID 升序。",
                query: [TutoringSchemas.page], data: TutoringSchemas.page(OrderListItem.schema)),
            .get(
                "/admin/order/info", "订单信息",
                query: [TutoringValues.target("orderID", "订单ID")],
                data: OrderInfo.schema, errors: [404]),
            .post(
                "/admin/order/add", "添加订单",
                notes: "订单与全部课程在一个事务中创建（状态 1）。表单提交时 `lesson` 为数组的 JSON 文本；"
                    + "课程字段错误的 field_name 为 `lesson[i].字段`（i 从 0 开始）。",
                body: TutoringSchemas.fields(Self.addBody), errors: [404]),
            .delete(
                "/admin/order/delete", "删除订单", notes: "软删除订单及其课程；已确认的订单不能删除（409）。",
                query: delete.query, body: delete.body, errors: [404, 409]),
            .put(
                "/admin/order/confirm", "财务确认订单", notes: "订单状态 1 → 2，记录确认人和时间，学生状态变为 0；已确认或已取消为 409。",
                body: TutoringSchemas.fields(Schema.object(["orderID": TutoringValues.id.describe("订单ID")]).named("OrderConfirmInput")),
                errors: [404, 409]),
        ]
    }

    static let addBody = Schema.object(
        [
            "studentID": TutoringValues.id.describe("学生ID"),
            "payMethod": TutoringValues.optionalText.describe("付款方式，如 现金/微信/支付宝/银行转账"),
            "amount": TutoringValues.uint.describe("缴费金额（元）"),
            "salerID": TutoringValues.id.describe("销售员工ID，默认为调用者"),
            "lesson": Schema.array(OrderLessonFields.schema).with("minItems", 1).with("maxItems", 50).describe("课程，1–50 个"),
        ], optional: ["payMethod", "salerID"]
    ).named("OrderInput")
}

extension OrderState {
    static let schema = Schema.choice([1: "已提交未被确认", 2: "已被财务确认", 3: "订单被取消"])
}

extension OrderLessonFields {
    static let schema = Schema.object(
        [
            "teacherID": TutoringValues.id.describe("教师ID"),
            "subject": TutoringValues.subject,
            "allClass": TutoringValues.id.describe("总课时数"),
            "preprice": TutoringValues.uint.describe("单课时费（元），默认为教师当前价格"),
            "weekClass": TutoringValues.uint.describe("一周上几节课"),
            "firstClassDate": TutoringValues.optionalDate.describe("第一次上课日期"),
            "startDate": TutoringValues.optionalDate.describe("课程开始日期"),
            "endDate": TutoringValues.optionalDate.describe("课程结束日期，不早于开始日期"),
            "classType": TutoringValues.optionalText.describe("代课类型"),
            "target": TutoringValues.optionalText.describe("辅导目标"),
            "parentDemand": TutoringValues.optionalText.describe("家长期望"),
            "studentDemand": TutoringValues.optionalText.describe("学生期望"),
            "program": TutoringValues.optionalText.describe("辅导方案"),
        ],
        optional: [
            "preprice", "weekClass", "firstClassDate", "startDate", "endDate", "classType", "target", "parentDemand",
            "studentDemand", "program",
        ]
    ).named("OrderLessonInput")
}

extension OrderLessonItem {
    /// order/list lessons: `teachAge`, no `teacherID`.
    static let listSchema = Schema.object([
        "lessonID": TutoringValues.storedID,
        "name": Schema.string.describe("教师姓名"),
        "teachAge": TutoringValues.count.describe("教师教龄"),
        "phone": Schema.string.describe("教师手机号"),
        "subject": .string,
        "allClass": TutoringValues.storedID,
        "consumedClass": TutoringValues.count,
        "preprice": TutoringValues.count,
        "classType": .string,
        "state": LessonState.schema,
    ]).named("OrderListLesson")

    /// order/info lessons: adds `teacherID` and keeps the seed's `teacheAge` spelling.
    static let infoSchema = Schema.object([
        "lessonID": TutoringValues.storedID,
        "teacherID": TutoringValues.storedID,
        "name": Schema.string.describe("教师姓名"),
        "teacheAge": TutoringValues.count.describe("教师教龄（原文档拼写）"),
        "phone": Schema.string.describe("教师手机号"),
        "subject": .string,
        "allClass": TutoringValues.storedID,
        "consumedClass": TutoringValues.count,
        "preprice": TutoringValues.count,
        "classType": .string,
        "state": LessonState.schema,
    ]).named("OrderLesson")
}

extension OrderListItem {
    static let schema = Schema.object([
        "orderID": TutoringValues.storedID,
        "studentID": TutoringValues.storedID,
        "name": Schema.string.describe("学生姓名"),
        "phone": Schema.string.describe("学生手机号"),
        "amount": TutoringValues.count.describe("缴费金额（元）"),
        "salerID": TutoringValues.storedID,
        "saler": Schema.string.describe("销售员工姓名"),
        "state": OrderState.schema,
        "createTime": TutoringValues.time,
        "lesson": .array(OrderLessonItem.listSchema),
    ]).named("OrderListItem")
}

extension OrderInfo {
    static let schema = Schema.object([
        "orderID": TutoringValues.storedID,
        "studentID": TutoringValues.storedID,
        "name": Schema.string.describe("学生姓名"),
        "phone": Schema.string.describe("学生手机号"),
        "amount": TutoringValues.count.describe("缴费金额（元）"),
        "payMethod": .string,
        "salerID": TutoringValues.storedID,
        "saler": Schema.string.describe("销售员工姓名"),
        "state": OrderState.schema,
        "confirmer": Schema.string.describe("确认人姓名，未确认为空字符串"),
        "confirmTime": TutoringValues.time,
        "createTime": TutoringValues.time,
        "lesson": .array(OrderLessonItem.infoSchema),
    ]).named("Order")
}
