import RegistrarCore

extension ProjectResultRoutes {
    var operations: [APIOperation] {
        let recordID = "选课记录 id（须属于该学生）；不给、为空或 null 时取该学生最新的记录"
        return [
            .get(
                "/admin/project_result/{user_id}", "学生的学分转换",
                notes: "`{user_id}` 为用户 id；用户不存在答 404 `未找到用户信息`，没有选课记录答 404 `未找到选课记录`。",
                query: [APIParameter("user_course_id", .integer, recordID)],
                data: ProjectResultItem.schema),
            .put(
                "/admin/project_result/{user_id}", "修改学分转换",
                notes: "`status` 写入学分转换状态；改为 SUCCESS 或 FAILURE 需要学生已上传学分转换证明。",
                body: SummerSchemas.fields(ProjectResultFields.schema(recordID: recordID)), data: ProjectResultItem.schema),
            .patch(
                "/admin/project_result/{user_id}", "修改学分转换（部分字段）",
                body: SummerSchemas.fields(ProjectResultFields.schema(recordID: recordID).partial), data: ProjectResultItem.schema),
        ]
    }
}

extension ProjectResultItem {
    static let schema = Schema.object([
        "id": .integer.describe("选课记录 id"),
        "post_datetime": SummerSchemas.time.orNull.describe("成绩单寄出时间"),
        "post_channel": Schema.string.orNull,
        "post_number": Schema.string.orNull,
        "status": ChoiceSet.creditSwitchStatus.renderedSchema.orNull.describe("学分转换状态"),
        "img": Schema.string.orNull.describe("学分转换证明的绝对 URL"),
        "user_info": Schema.object(["id": .integer, "name": .string, "email": .string, "wechat": .string]).orNull
            .describe("学生资料（`id` 为资料 id）；没有资料时为 null"),
    ]).named("ProjectResult")
}

extension ProjectResultFields {
    static func schema(recordID: String) -> Schema {
        Schema.object(
            [
                "user_course_id": Schema.integer.orNull.describe(recordID),
                "post_datetime": SummerSchemas.timeInput.orNull,
                "post_channel": Schema.string.maxLength(30).orNull,
                "post_number": Schema.string.maxLength(30).orNull,
                "status": ChoiceSet.creditSwitchStatus.keySchema(),
            ], optional: ["user_course_id", "post_datetime", "post_channel", "post_number"]
        ).named("ProjectResultInput")
    }
}
