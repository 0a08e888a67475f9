import RegistrarCore

extension AdminOrderRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/order", "订单列表（含操作历史，id 升序）", notes: "筛选条件以 AND 组合；格式错误的值答 400。",
                query: [
                    SummerSchemas.page,
                    APIParameter("status", ChoiceSet.orderStatus.keySchema(), "订单状态"),
                    APIParameter("user", .integer, "下单用户 id"),
                    APIParameter("project", .integer, "含该项目的订单"),
                    APIParameter("start_date", .date, "创建日期起（含，北京时间）"),
                    APIParameter("end_date", .date, "创建日期止（含，北京时间）"),
                    APIParameter("search", .string, "学生姓名或用户名（不区分大小写的子串），或订单 id"),
                ],
                data: SummerSchemas.page(OrderItem.adminSchema), errors: [400]),
            .get("/admin/order/{id}", "订单详情（含操作历史）", data: OrderItem.adminSchema),
            .put(
                "/admin/order/{id}/confirm", "确认订单支付（通过或验证失败）",
                notes: "只有待确认（TO_CONFIRM）的订单可以确认。",
                body: SummerSchemas.fields(PaymentVerdict.schema), data: OrderItem.adminSchema),
        ]
    }
}

extension PaymentVerdict {
    /// `CONFIRMED_FAILED` is accepted as an alias of `CONFIRM_FAILED`.
    static let schema = Schema.object([
        "status": .choice(["CONFIRMED": "已确认", "CONFIRM_FAILED": "验证失败", "CONFIRMED_FAILED": "验证失败（别名）"]),
    ]).named("PaymentVerdictInput")
}
