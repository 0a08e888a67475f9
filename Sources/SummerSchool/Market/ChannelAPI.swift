import RegistrarCore

extension ChannelRoutes {
    var operations: [APIOperation] {
        [
            .get("/market/channel", "推广渠道列表", query: [SummerSchemas.page], data: SummerSchemas.page(ChannelItem.schema)),
            .post(
                "/market/channel", "创建推广渠道", notes: "创建后向微信申请场景为 `channel_id_<id>` 的永久二维码（失败时为空字符串）。",
                body: SummerSchemas.fields(ChannelFields.schema), data: ChannelItem.schema),
            .get("/market/channel/{id}", "推广渠道详情", data: ChannelItem.schema),
            .put("/market/channel/{id}", "修改推广渠道（全部字段）", body: SummerSchemas.fields(ChannelFields.schema), data: ChannelItem.schema),
            .patch(
                "/market/channel/{id}", "修改推广渠道（部分字段）",
                body: SummerSchemas.fields(ChannelFields.schema.partial), data: ChannelItem.schema),
            .delete("/market/channel/{id}", "删除推广渠道", data: SummerSchemas.null),
        ]
    }
}

extension ChannelItem {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "plan_date": .date,
        "sales_man": .object(["id": .integer, "name": .string]),
        "plan_student_number": .integer,
        "plan_file_student_number": .integer,
        "plan_payed_student_number": .integer,
        "create_time": SummerSchemas.time,
        "qr_code": Schema.string.describe("微信永久二维码地址；微信失败时为空字符串").orNull,
    ]).named("MarketChannel")
}

extension ChannelFields {
    static let schema = Schema.object([
        "name": InputSchemas.text(max: 30).describe("推广名称，唯一"),
        "plan_date": Schema.date.describe("YYYY-MM-DD"),
        "sales_man": Schema.integer.describe("销售顾问 id"),
        "plan_student_number": InputSchemas.int32,
        "plan_file_student_number": InputSchemas.int32,
        "plan_payed_student_number": InputSchemas.int32,
    ]).named("MarketChannelInput")
}
