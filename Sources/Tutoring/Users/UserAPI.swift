import RegistrarCore

extension UserRoutes {
    var operations: [APIOperation] {
        [
            .post(
                "/admin/user/login", "登录",
                notes: "成功时设置 Cookie `tutoring_sid`（HttpOnly，7 天滑动有效期）；`token` 也可用作 `Authorization: Bearer`。"
                    + "用户名或密码错误为 400（field_name `password`）；同一用户名 15 分钟内失败 5 次后为 429。",
                body: TutoringSchemas.fields(Self.loginBody), data: LoginData.schema, errors: [429]),
            .get("/admin/user/logout", "退出", notes: "结束本次请求所用的会话并清除 Cookie；其他会话不受影响。"),
            .get("/admin/user/info", "获取资料", data: InfoData.schema),
            .put(
                "/admin/user/update", "修改资料", notes: "只修改自己的用户名和手机号；用户名或手机号已被其他员工使用为 409。",
                body: TutoringSchemas.fields(Self.profileBody), errors: [409]),
            .put(
                "/admin/user/password", "修改密码", notes: "结束自己的其他会话，本次会话保持有效。",
                body: TutoringSchemas.fields(Self.passwordBody)),
        ]
    }

    static let loginBody = Schema.object([
        "name": Schema.string.minLength(1).describe("用户名"),
        "password": TutoringValues.secret.describe("密码"),
    ]).named("LoginInput")

    static let profileBody = Schema.object(
        ["name": TutoringValues.name.describe("用户名"), "phone": TutoringValues.phone.describe("手机号码")],
        optional: ["name", "phone"]
    ).named("ProfileInput")

    static let passwordBody = Schema.object([
        "oldpassword": TutoringValues.secret.describe("旧密码"),
        "password": TutoringValues.password.describe("新密码"),
        "repassword": TutoringValues.secret.describe("确认新密码，须与 password 相同"),
    ]).named("PasswordInput")
}

extension UserRoutes.LoginData {
    static let schema = Schema.object([
        "staffID": TutoringValues.storedID,
        "name": .string,
        "roler": StaffRole.nameSchema,
        "rolerCode": StaffRole.codeSchema,
        "token": Schema.string.with("pattern", "^[0-9a-f]{64}$").describe("会话令牌（64 位小写十六进制）"),
    ]).named("Login")
}

extension UserRoutes.InfoData {
    static let schema = Schema.object([
        "staffID": TutoringValues.storedID,
        "name": .string,
        "phone": TutoringValues.storedPhone,
        "roler": StaffRole.nameSchema,
        "rolerCode": StaffRole.codeSchema,
    ]).named("Me")
}
