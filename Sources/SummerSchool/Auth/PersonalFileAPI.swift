import RegistrarCore

extension PersonalFileRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/auth/user/info/{id}/personal_file", "我的个人档案",
                notes: "`{id}` 不被使用：总是当前用户。没有基础信息时答 400。", data: PersonalFile.schema, errors: [400]),
            .put(
                "/auth/user/info/{id}/personal_file", "修改我的个人档案（全部字段）",
                notes: "`{id}` 不被使用：总是当前用户。身份证号/护照号唯一。",
                body: SummerSchemas.fields(Self.body), data: PersonalFile.schema),
            .patch(
                "/auth/user/info/{id}/personal_file", "修改我的个人档案（部分字段）",
                notes: "`{id}` 不被使用：总是当前用户。身份证号/护照号唯一。",
                body: SummerSchemas.fields(Self.body.partial), data: PersonalFile.schema),
        ]
    }

    static let body = Schema.object(
        [
            "first_name": InputSchemas.text(max: 30).orNull,
            "last_name": InputSchemas.text(max: 30).orNull,
            "gender": ChoiceSet.gender.inputSchema(),
            "id_number": InputSchemas.text(max: 30).describe("身份证号/护照号，唯一").orNull,
            "major": InputSchemas.text(max: 30).orNull,
            "graduate_year": InputSchemas.text(max: 30).orNull,
            "gpa": Schema.anyOf([.number, .string]).describe("有限数字（或数字字符串）"),
        ], optional: ["first_name", "last_name", "id_number", "major", "graduate_year"]
    ).named("PersonalFileInput")
}

extension PersonalFileRoutes.PersonalFile {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "email": .string,
        "wechat": .string,
        "cschool": .string,
        "first_name": Schema.string.orNull,
        "last_name": Schema.string.orNull,
        "gender": ChoiceSet.gender.renderedSchema.orNull,
        "id_number": Schema.string.orNull,
        "major": Schema.string.orNull,
        "graduate_year": Schema.string.orNull,
        "gpa": Schema.number.orNull,
    ]).named("PersonalFile")
}
