import RegistrarCore

extension LoginRoutes {
    var operations: [APIOperation] {
        [
            .post(
                "/auth/user/login", "用户名密码登录",
                notes: """
                    用户名不区分大小写。成功时 `msg` 为 `登录成功`，并以 Cookie `ticket` 返回票据。同一用户名 15 分钟内失败 5 次后答 429。\
                    请求体（含 multipart）至多 1 MiB。
                    """,
                body: SummerSchemas.fields(Self.body), data: LoginData.schema, errors: [429]),
            .put("/auth/user/logout", "退出登录", notes: "作废当前票据并清除 Cookie。成功时 `msg` 为 `退出登录成功`。"),
        ]
    }

    static let body = Schema.object([
        "username": InputSchemas.text(max: 30, min: 6),
        "password": InputSchemas.text(max: 30, min: 6),
    ]).named("LoginInput")
}

extension LoginRoutes.LoginData {
    static let schema = Schema.object([
        "user_id": .integer,
        "ticket": .string,
        "role": ChoiceSet.role.keySchema(),
        "need_complete_student_info": Schema.boolean.describe("学生的基础信息是否待完善；员工为 false"),
        "valid_sales_man": Schema.boolean.describe("学生是否已有销售顾问；员工为 true"),
    ]).named("LoginResult")
}
