import RegistrarCore

extension OrderRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/order", "订单列表（按 id 降序）", notes: "学生只看到自己的订单；筛选值无效时结果为空。",
                query: [SummerSchemas.page] + OrderAPI.filters, data: SummerSchemas.page(OrderItem.schema)),
            .post(
                "/order", "下单", notes: "有未完成的订单、购物车项无效、优惠券无效或同一项目重复时答 400。",
                query: [OrderAPI.actingUser], body: SummerSchemas.fields(OrderCreation.Body.schema), data: OrderItem.schema),
            .get(
                "/order/check_order", "我最新的未完成订单",
                notes: "没有未完成的订单时答 code 100（`没有未完成的订单，可以创建`，`data` 为 `{}`）。",
                data: OrderItem.schema, errors: [100]),
            .get("/order/order_currency_payment", "币种及各自可用的支付方式", data: .array(CurrencyPayments.schema)),
            .get(
                "/order/user_order_list", "我的订单（按 id 降序，不分页）", query: [OrderAPI.status, OrderAPI.noneCanceled],
                data: .array(OrderItem.schema)),
            .get("/order/user_order_course", "我的订单及其所选课程", data: .array(UserOrderCourse.Item.schema)),
            .get("/order/{id}", "订单详情", notes: "列表的筛选参数同样生效。", query: OrderAPI.filters, data: OrderItem.schema),
            .put(
                "/order/{id}/cancel", "取消订单（订单本人或管理员；仅待支付）", notes: "列表的筛选参数同样生效；状态不允许时答 400。",
                query: OrderAPI.filters, data: OrderItem.schema, errors: [400]),
        ]
    }
}

/// Documentation pieces of the order module, and the shapes it shows of other modules' records.
enum OrderAPI {
    static let status = APIParameter("status", ChoiceSet.orderStatus.keySchema(), "订单状态")
    static let noneCanceled = APIParameter("none_canceled_order", Schema.string, "非空时不含已取消的订单")
    /// O8's filters (`user` is ignored for students).
    static let filters = [
        APIParameter("currency", ChoiceSet.currency.keySchema(), "币种"),
        APIParameter("payment", ChoiceSet.orderPayment.keySchema(), "支付方式"),
        status,
        APIParameter("user", Schema.integer, "下单用户 id（学生的此参数被忽略）"),
        noneCanceled,
    ]
    static let actingUser = APIParameter("user", Schema.integer, "仅管理员：代该用户下单；无效时为本人")
}

extension OrderItem {
    /// O; the admin ORDER adds `operation_history`.
    static let schema = Schema.object([
        "id": .integer,
        "user": Schema.string.orNull.describe("学生姓名"),
        "currency": ChoiceSet.currency.renderedSchema.orNull,
        "payment": ChoiceSet.orderPayment.renderedSchema.orNull,
        "create_time": SummerSchemas.time,
        "modified_time": SummerSchemas.time,
        "status": ChoiceSet.orderStatus.renderedSchema.orNull,
        "standard_fee": SummerSchemas.money.describe("原价"),
        "pay_fee": SummerSchemas.money.describe("应付（减去优惠券）"),
        "remark": Schema.string.orNull,
        "charts": .array(CartItem.schema),
        "payment_info": AccountInfoItem.schema.orNull.describe("该支付方式的收款账户"),
        "order_payed_info": PaymentProofItem.schema.orNull,
        "sales_man": Schema.object(["id": .integer, "name": .string]).orNull.describe("学生的销售顾问"),
    ]).named("Order")

    /// The admin ORDER (back office H).
    static let adminSchema = schema.adding(["operation_history": .array(OperationHistoryItem.schema)]).named("AdminOrder")
}

extension OperationHistoryItem {
    static let schema = Schema.object([
        "id": .integer,
        "operator": .object([
            "id": .integer, "name": Schema.string.orNull, "role": ChoiceSet.role.renderedSchema.orNull,
        ]),
        "create_time": SummerSchemas.time,
        "source": Schema.integer.describe("订单 id"),
        "remark": .string,
    ]).named("OrderOperation")
}

extension CurrencyPayments {
    static let schema = Schema.object([
        "key": ChoiceSet.currency.keySchema(),
        "verbose": .string,
        "payment": .array(ChoiceSet.orderPayment.renderedSchema),
    ]).named("CurrencyPayments")
}

extension UserOrderCourse.Item {
    static let schema = Schema.object([
        "id": .integer,
        "user": Schema.integer.describe("用户 id"),
        "currency": ChoiceSet.currency.keySchema(),
        "payment": ChoiceSet.orderPayment.keySchema(),
        "create_time": SummerSchemas.time,
        "status": ChoiceSet.orderStatus.keySchema(),
        "standard_fee": SummerSchemas.money,
        "pay_fee": SummerSchemas.money,
        "remark": Schema.string.orNull,
        "charts": .array(CartItem.schema),
        "user_course": Schema.array(UserOrderCourse.Selection.schema).orNull.describe("该订单下所选课程；没有时为 null"),
    ]).named("UserOrderCourse")
}

extension UserOrderCourse.Selection {
    static let schema = Schema.object([
        "id": Schema.integer.describe("课程 id"),
        "course_code": .string,
        "name": .string,
        "max_num": .integer,
        "credit": .integer,
        "create_time": SummerSchemas.time,
        "project": Schema.integer.describe("项目 id"),
        "professor": Schema.string.orNull,
        "start_time": Schema.date.orNull,
        "end_time": Schema.date.orNull,
        "address": Schema.string.orNull,
        "confirm_course": .object([
            "score": .integer,
            "score_grade": Schema.string.orNull,
            "reporting_time": SummerSchemas.time.orNull,
            "confirm_img": Schema.string.orNull.describe("审课图片 URL"),
            "status": ChoiceSet.userCourseStatus.renderedSchema.orNull,
        ]),
    ]).named("UserOrderCourseSelection")
}

extension OrderCreation.Body {
    static let schema = Schema.object(
        [
            "chart_ids": Schema.array(.integer).with("minItems", .int(1)).describe("购物车项 id，不能为空"),
            "currency": ChoiceSet.currency.keySchema(),
            "payment": ChoiceSet.orderPayment.keySchema(),
            "remark": Schema.string.maxLength(255).orNull,
            "coupon_list": Schema.array(.integer).orNull.describe("本人的优惠券 id"),
        ], optional: ["remark", "coupon_list"]
    ).named("OrderInput")
}
