import RegistrarCore

extension ConsultantRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/auth/user/{id}/sales_man", "我的销售顾问",
                notes: "`{id}` 不被使用：总是当前用户。没有时随机分配一位；一位都没有时为 `{}`。",
                data: ConsultantOrEmpty.schema),
            .post(
                "/auth/user/{id}/sales_man", "选择销售顾问",
                notes: "`{id}` 不被使用：总是当前用户。已有销售顾问时答 400。成功时 `msg` 为 `操作成功`。",
                body: SummerSchemas.fields(Self.body)),
        ]
    }

    static let body = Schema.object(["sales_man": Schema.integer.describe("销售顾问 id")]).named("ConsultantChoice")
}

extension ConsultantView {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "email": .string,
        "qr_code": Schema.string.describe("二维码图片的完整地址").orNull,
        "wechat": .string,
    ]).named("Consultant")
}

extension ConsultantOrEmpty {
    /// The consultant, or `{}` when there is none.
    static let schema = Schema.anyOf([ConsultantView.schema, .emptyObject])
}
