import RegistrarCore

extension ChildUserRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/child_user", "员工账号列表（不含学生）", query: [SummerSchemas.page],
                data: SummerSchemas.page(ChildUserItem.schema)),
            .post(
                "/admin/child_user", "创建员工账号",
                notes: "用户名不区分大小写唯一；创建后向微信申请场景为 `child_user_<id>` 的永久二维码（失败时为空字符串）。",
                body: SummerSchemas.fields(ChildUserFields.schema), data: ChildUserItem.schema),
            .get("/admin/child_user/{id}", "员工账号详情（学生账号答 404）", data: ChildUserItem.schema),
            .put(
                "/admin/child_user/{id}", "修改员工账号（全部字段）",
                notes: "新密码结束该账号的其他会话；停用结束其全部会话。",
                body: SummerSchemas.fields(ChildUserFields.schema), data: ChildUserItem.schema),
            .patch(
                "/admin/child_user/{id}", "修改员工账号（部分字段）",
                notes: "新密码结束该账号的其他会话；停用结束其全部会话。",
                body: SummerSchemas.fields(ChildUserFields.schema.partial), data: ChildUserItem.schema),
            .put(
                "/admin/child_user/{id}/update_password", "重设员工密码",
                notes: "结束该账号的其他会话。成功时 `msg` 为 `密码修改成功`。",
                body: SummerSchemas.fields(Self.passwordBody)),
        ]
    }

    static let passwordBody = Schema.object([
        "password": InputSchemas.text(max: 30, min: 6).describe("6–30 个字符，至多 72 个 UTF-8 字节"),
    ]).named("ChildUserPassword")
}

extension ChildUserItem {
    static let schema = Schema.object([
        "id": .integer,
        "name": Schema.string.orNull,
        "username": .string,
        "is_active": .boolean,
        "qr_code": Schema.string.describe("微信永久二维码地址；微信失败时为空字符串").orNull,
        "role": ChoiceSet.role.renderedSchema.orNull,
    ]).named("ChildUser")
}

extension ChildUserFields {
    static let schema = Schema.object(
        [
            "name": InputSchemas.text(max: 30).orNull,
            "password": InputSchemas.text(max: 30, min: 6).describe("6–30 个字符，至多 72 个 UTF-8 字节"),
            "username": InputSchemas.text(max: 30, min: 6).describe("不区分大小写唯一"),
            "is_active": Schema.boolean.describe("缺省为 true（表单缺省为 false）"),
            "role": ChoiceSet.role.inputSchema(excluding: [Role.student.rawValue]),
        ], optional: ["name", "is_active"]
    ).named("ChildUserInput")
}
