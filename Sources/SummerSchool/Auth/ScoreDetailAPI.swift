import RegistrarCore

extension ScoreDetailRoutes {
    var operations: [APIOperation] {
        [
            .get("/auth/user/score_detail", "我的成绩单邮寄地址（全部，按 id）", data: .array(Record.schema)),
            .post("/auth/user/score_detail", "新增成绩单邮寄地址", body: SummerSchemas.fields(Self.body), data: Record.schema),
            .get(
                "/auth/user/score_detail/{id}", "我最新的成绩单邮寄地址",
                notes: "`{id}` 不被使用：总是当前用户最新的一条。还没有时答 400。", data: Record.schema, errors: [400]),
        ]
    }

    static let body = Schema.object([
        "department": InputSchemas.text(max: 30),
        "phone": InputSchemas.text(max: 30),
        "country": InputSchemas.text(max: 30),
        "post_code": InputSchemas.text(max: 30),
        "address": InputSchemas.text(max: 60),
    ]).named("ScoreDetailInput")
}

extension ScoreDetailRoutes.Record {
    static let schema = Schema.object([
        "id": .integer,
        "user": .integer,
        "department": .string,
        "phone": .string,
        "country": .string,
        "post_code": .string,
        "address": .string,
    ]).named("ScoreDetail")
}
