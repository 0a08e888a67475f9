import RegistrarCore

extension ProfileRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/auth/user/check_user_info", "基础信息是否待完善",
                notes: "没有基础信息（如员工账号）时答 400。", data: CheckData.schema, errors: [400]),
            .get(
                "/auth/user/info/{id}", "我的基础信息",
                notes: "`{id}` 不被使用：总是当前用户。没有基础信息时答 400。", data: BasicProfile.schema, errors: [400]),
            .put(
                "/auth/user/info/{id}", "修改我的基础信息（全部字段）",
                notes: "`{id}` 不被使用：总是当前用户。没有基础信息时答 400。",
                body: SummerSchemas.fields(Self.body), data: BasicProfile.schema),
            .patch(
                "/auth/user/info/{id}", "修改我的基础信息（部分字段）",
                notes: "`{id}` 不被使用：总是当前用户。没有基础信息时答 400。",
                body: SummerSchemas.fields(Self.body.partial), data: BasicProfile.schema),
        ]
    }

    static let body = Schema.object(
        [
            "name": InputSchemas.text(max: 30),
            "email": InputSchemas.text(max: 30).format("email"),
            "wechat": InputSchemas.text(max: 30),
            "wcampus": Schema.array(InputSchemas.text(max: 30)).describe("意向校区名称；表单中重复该字段"),
            "cschool": InputSchemas.text(max: 30),
            "valid_sales_man": .boolean,
        ], optional: ["valid_sales_man"]
    ).named("BasicProfileInput")
}

extension ProfileRoutes.BasicProfile {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "email": .string,
        "wechat": .string,
        "cschool": .string,
        "headimgurl": Schema.string.describe("微信头像地址").orNull,
        "valid_sales_man": .boolean,
        "wcampus": .array(.string),
    ]).named("BasicProfile")
}

extension ProfileRoutes.CheckData {
    static let schema = Schema.object([
        "need_complete_stu_info": .boolean,
        "user_id": .integer,
        "valid_sales_man": .boolean,
    ]).named("BasicProfileCheck")
}
