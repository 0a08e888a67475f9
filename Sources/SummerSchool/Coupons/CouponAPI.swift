import RegistrarCore

extension CouponRoutes {
    var operations: [APIOperation] {
        [
            .get("/coupon/coupon", "优惠券列表", query: [SummerSchemas.page], data: SummerSchemas.page(CouponItem.schema)),
            .post("/coupon/coupon", "创建优惠券（券码由服务器生成）", body: SummerSchemas.fields(CouponFields.schema), data: CouponItem.schema),
            .get("/coupon/coupon/{id}", "优惠券详情", data: CouponItem.schema),
            .put("/coupon/coupon/{id}", "修改优惠券（全部字段）", body: SummerSchemas.fields(CouponFields.schema), data: CouponItem.schema),
            .patch(
                "/coupon/coupon/{id}", "修改优惠券（部分字段）",
                body: SummerSchemas.fields(CouponFields.schema.partial), data: CouponItem.schema),
        ]
    }
}

extension CouponItem {
    static let schema = Schema.object([
        "id": .integer,
        "coupon_code": .string.describe("券码"),
        "amount": SummerSchemas.money,
        "info": .string,
        "start_time": SummerSchemas.time,
        "end_time": SummerSchemas.time,
        "max_num": .integer,
        "create_time": SummerSchemas.time,
        "is_active": .boolean,
    ]).named("Coupon")
}

extension CouponFields {
    static let schema = Schema.object(
        [
            "amount": SummerSchemas.moneyInput.describe("面额，≥ 0"),
            "info": .string.maxLength(30),
            "start_time": SummerSchemas.timeInput,
            "end_time": SummerSchemas.timeInput,
            "max_num": .integer.minimum(0),
            "is_active": .boolean,
        ], optional: ["is_active"]
    ).named("CouponInput")
}
