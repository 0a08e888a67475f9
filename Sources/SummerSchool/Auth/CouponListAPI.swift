import RegistrarCore

extension CouponListRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/auth/user/{id}/coupon_list", "我的可用优惠券",
                notes: "`{id}` 不被使用：总是当前用户。状态为待使用的优惠券，按 id，不分页。", data: .array(Item.schema))
        ]
    }
}

extension CouponListRoutes.Item {
    static let schema = Schema.object([
        "id": .integer,
        "coupon_code": .string,
        "amount": SummerSchemas.money,
        "info": .string,
        "start_time": SummerSchemas.time,
        "end_time": SummerSchemas.time,
    ]).named("UsableCoupon")
}
