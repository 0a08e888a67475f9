import RegistrarCore

extension UserCouponRoutes {
    var operations: [APIOperation] {
        [
            .post(
                "/coupon/user_coupon", "为学生分配优惠券",
                notes: "仅学生；同一用户同一优惠券只能分配一次；分配数不超过 `max_num`。成功时 `msg` 为 `操作成功`。",
                body: SummerSchemas.fields(Self.body))
        ]
    }

    static let body = Schema.object([
        "user": Schema.integer.describe("学生用户 id"),
        "coupon": Schema.integer.describe("优惠券 id"),
    ]).named("UserCouponInput")
}
