import RegistrarCore

extension OrderPaymentRoutes {
    var operations: [APIOperation] {
        [
            .post(
                "/order/order_payment", "上传支付凭证（订单本人或管理员；仅待支付的订单）",
                notes: "订单转为待确认。图片为 base64 文本（可带 data URL 头），JPEG、PNG 或 GIF；请求体最大 10 MiB。",
                body: SummerSchemas.fields(Body.schema), data: PaymentProofItem.schema),
            .get("/order/order_payment/{id}", "支付凭证详情（订单本人或员工）", data: PaymentProofItem.schema),
        ]
    }
}

extension PaymentProofItem {
    static let schema = Schema.object([
        "id": .integer,
        "order": Schema.integer.describe("订单 id"),
        "account_number": .string,
        "account_name": .string,
        "opening_bank": Schema.string.orNull,
        "pay_date": .date,
        "img": Schema.string.describe("图片的绝对 URL"),
        "amount": SummerSchemas.money,
    ]).named("OrderPaymentProof")
}

extension OrderPaymentRoutes.Body {
    static let schema = Schema.object(
        [
            "order": Schema.integer.describe("订单 id（非管理员须为本人的订单）"),
            "account_number": Schema.string.maxLength(30),
            "account_name": Schema.string.maxLength(30),
            "opening_bank": Schema.string.maxLength(30).orNull,
            "pay_date": Schema.date,
            "img": Schema.string.describe("凭证图片：base64（可带 data URL 头）"),
            "amount": SummerSchemas.moneyInput.describe("金额，≥ 0"),
        ], optional: ["opening_bank"]
    ).named("OrderPaymentInput")
}
