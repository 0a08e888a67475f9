import RegistrarCore

extension ScoreInfoRoutes {
    var operations: [APIOperation] {
        let notes = "`{id}` 为用户 id；显示与修改该用户最新的成绩单邮寄地址，用户不存在答 404 `未找到用户信息`。"
        return [
            .get("/admin/student/score_info/{id}", "学生的成绩单邮寄地址", notes: notes + "没有地址时各字段为空字符串。", data: ScoreInfo.schema),
            .put(
                "/admin/student/score_info/{id}", "修改成绩单邮寄地址（全部字段）",
                notes: notes + "没有地址时新建一条。body 中的 `user` 只读，被忽略。",
                body: SummerSchemas.fields(ScoreInfoFields.schema), data: ScoreInfo.schema),
            .patch(
                "/admin/student/score_info/{id}", "修改成绩单邮寄地址（部分字段）",
                notes: notes + "没有地址时新建一条，未给的字段为空字符串。",
                body: SummerSchemas.fields(ScoreInfoFields.schema.partial), data: ScoreInfo.schema),
        ]
    }
}

extension ScoreInfo {
    static let schema = Schema.object([
        "user": .integer, "department": .string, "phone": .string, "country": .string, "post_code": .string, "address": .string,
    ]).named("StudentScoreInfo")
}

extension ScoreInfoFields {
    static let schema = Schema.object([
        "department": Schema.string.minLength(1).maxLength(30),
        "phone": Schema.string.minLength(1).maxLength(30),
        "country": Schema.string.minLength(1).maxLength(30),
        "post_code": Schema.string.minLength(1).maxLength(30),
        "address": Schema.string.minLength(1).maxLength(60),
    ]).named("StudentScoreInfoInput")
}
