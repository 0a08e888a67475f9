import RegistrarCore

extension WeChatSignIn {
    var operations: [APIOperation] {
        [
            .get(
                "/auth/user/check_account", "微信登录（网页授权 code）",
                notes: "带有效票据且已有基础信息时不再调用微信。票据也以 Cookie `ticket` 返回。微信登录未配置时答 503。",
                query: [Self.codeParameter], data: CheckAccountData.schema, errors: [400, 503]),
            .get(
                "/auth/user/assign_sales_man", "微信登录并分配销售顾问",
                notes: "答所分配的销售顾问（没有销售顾问时为 `{}`）；新票据只在 Cookie `ticket` 中。微信登录未配置时答 503。",
                query: [Self.codeParameter], data: ConsultantOrEmpty.schema, errors: [400, 503]),
        ]
    }

    static let codeParameter = APIParameter(
        "code", InputSchemas.text(max: 100), required: true, "微信网页授权的 code")
}

extension WeChatSignIn.CheckAccountData {
    static let schema = Schema.object([
        "need_complete_student_info": .boolean,
        "user_id": .integer,
        "ticket": .string,
        "valid_sales_man": .boolean,
    ]).named("WeChatSignInResult")
}
