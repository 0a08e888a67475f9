import RegistrarCore

extension FellowupRoutes {
    var operations: [APIOperation] {
        let update = TutoringSchemas.fields(Self.updateBody)
        let delete = TutoringValues.deleteTarget("fellowupID", "跟进记录ID", body: "FellowupTarget")
        return [
            .get(
                "/admin/fellowup/list", "跟进列表", notes: "该学生的全部跟进记录，按 fellowupID 降序。",
                query: [TutoringValues.target("studentID", "学生ID")],
                data: .array(Item.schema), errors: [404]),
            .post("/admin/fellowup/add", "添加跟进记录", body: TutoringSchemas.fields(Self.addBody), errors: [404]),
            .put("/admin/fellowup/update", "更改跟进记录", body: update, errors: [404]),
            .put("/admin/fellowup/add", "更改跟进记录（原文档中的地址，同 PUT /admin/fellowup/update）", body: update, errors: [404]),
            .delete("/admin/fellowup/delete", "删除跟进记录", query: delete.query, body: delete.body, errors: [404]),
        ]
    }

    static let addBody = Schema.object([
        "studentID": TutoringValues.id.describe("学生资源ID"),
        "staffID": TutoringValues.id.describe("跟进员工ID（数字或数字字符串）"),
        "content": TutoringValues.text2000.describe("跟进记录"),
    ]).named("FellowupInput")

    static let updateBody = Schema.object(
        [
            "fellowupID": TutoringValues.id.describe("跟进记录ID"),
            "staffID": TutoringValues.id.describe("跟进员工ID（数字或数字字符串）"),
            "content": TutoringValues.text2000.describe("跟进记录"),
        ], optional: ["staffID", "content"]
    ).named("FellowupUpdateInput")
}

extension FellowupRoutes.Item {
    static let schema = Schema.object([
        "fellowupID": TutoringValues.storedID,
        "staffID": TutoringValues.storedID,
        "staff": Schema.string.describe("跟进员工姓名"),
        "content": .string,
        "createTime": TutoringValues.time,
    ]).named("Fellowup")
}
