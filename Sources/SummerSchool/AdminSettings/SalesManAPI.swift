import RegistrarCore

extension SalesManRoutes {
    var operations: [APIOperation] {
        [
            .get("/admin/sales_man", "销售顾问列表", query: [SummerSchemas.page], data: SummerSchemas.page(SalesManItem.schema)),
            .post("/admin/sales_man", "创建销售顾问", body: SummerSchemas.fields(SalesManFields.schema), data: SalesManItem.schema),
            .get("/admin/sales_man/{id}", "销售顾问详情", data: SalesManItem.schema),
            .put(
                "/admin/sales_man/{id}", "修改销售顾问（全部字段）", notes: "新图片替换原图片；`qr_code` 为空字符串时清除图片。",
                body: SummerSchemas.fields(SalesManFields.schema), data: SalesManItem.schema),
            .patch(
                "/admin/sales_man/{id}", "修改销售顾问（部分字段）", notes: "新图片替换原图片；`qr_code` 为空字符串时清除图片。",
                body: SummerSchemas.fields(SalesManFields.schema.partial), data: SalesManItem.schema),
        ]
    }
}

extension SalesManItem {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "wechat": .string,
        "email": .string,
        "qr_code": Schema.string.describe("二维码图片的完整地址；没有图片时为 null").orNull,
    ]).named("SalesMan")
}

extension SalesManFields {
    static let schema = Schema.object([
        "name": InputSchemas.text(max: 30),
        "wechat": InputSchemas.text(max: 30),
        "email": InputSchemas.text(max: 30).format("email"),
        "qr_code": Schema.string.describe("base64 编码的 JPEG/PNG/GIF 图片（可带 data URL 头）；空字符串为没有图片"),
    ]).named("SalesManInput")
}
