import RegistrarCore

extension AccountInfoRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/account_info", "收款账户列表", query: [SummerSchemas.page],
                data: SummerSchemas.page(AccountInfoItem.schema)),
            .post(
                "/admin/account_info", "创建收款账户", notes: "账号唯一；每种支付方式只能有一个账户。",
                body: SummerSchemas.fields(AccountInfoFields.schema), data: AccountInfoItem.schema),
            .get("/admin/account_info/{id}", "收款账户详情", data: AccountInfoItem.schema),
            .put(
                "/admin/account_info/{id}", "修改收款账户（全部字段）", body: SummerSchemas.fields(AccountInfoFields.schema),
                data: AccountInfoItem.schema),
            .patch(
                "/admin/account_info/{id}", "修改收款账户（部分字段）", body: SummerSchemas.fields(AccountInfoFields.schema.partial),
                data: AccountInfoItem.schema),
            .delete("/admin/account_info/{id}", "删除收款账户", data: SummerSchemas.null),
        ]
    }
}

extension AccountInfoItem {
    static let schema = Schema.object([
        "id": .integer,
        "account_number": .string,
        "account_name": .string,
        "opening_bank": Schema.string.orNull,
        "payment": ChoiceSet.accountPayment.renderedSchema.orNull,
        "currency": ChoiceSet.currency.renderedSchema.orNull,
        "swift_code": Schema.string.orNull,
    ]).named("AccountInfo")
}

extension AccountInfoFields {
    static let schema = Schema.object(
        [
            "account_number": InputSchemas.text(max: 30).describe("账号，唯一"),
            "account_name": InputSchemas.text(max: 30),
            "opening_bank": InputSchemas.text(max: 30).orNull,
            "payment": ChoiceSet.accountPayment.inputSchema().describe("支付方式，每种只能有一个账户"),
            "currency": ChoiceSet.currency.inputSchema(),
            "swift_code": InputSchemas.text(max: 30).orNull,
        ], optional: ["opening_bank", "swift_code"]
    ).named("AccountInfoInput")
}
