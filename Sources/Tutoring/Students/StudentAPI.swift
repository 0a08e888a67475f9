import RegistrarCore

extension StudentRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("studentID", "学生ID", body: "StudentTarget")
        return [
            .get(
                "/admin/student/list", "学生/资源列表", notes: "每页 10 条，按 studentID 降序。",
                query: [
                    TutoringValues.query("isDeal", Schema.choice([0: "未成交（状态 1–5）", 1: "已成交已签单（状态 0）"]), "是否成交；不传为全部"),
                    TutoringSchemas.page,
                ],
                data: TutoringSchemas.page(StudentListItem.schema)),
            .get(
                "/admin/student/info", "学生/资源详情",
                query: [TutoringValues.target("studentID", "学生ID")],
                data: StudentInfo.schema, errors: [404]),
            .post(
                "/admin/student/add", "添加学生/资源", notes: "班主任或开发者员工不存在为 404。",
                body: TutoringSchemas.fields(StudentFields.schema), errors: [404]),
            .put(
                "/admin/student/update", "修改学生/资源",
                notes: "只修改提交的字段；`studetID` 为 `studentID` 的别名（两者都有时用 `studentID`）。",
                body: TutoringSchemas.fields(StudentFields.updateSchema), errors: [404]),
            .delete(
                "/admin/student/delete", "删除学生/资源", notes: "软删除学生及其跟进记录和约课；有订单的学生不能删除（409）。",
                query: delete.query, body: delete.body, errors: [404, 409]),
        ]
    }
}

extension StudentState {
    static let schema = Schema.choice([
        0: "已缴费正式成为学员", 1: "跟进中", 2: "已约课", 3: "待匹配", 4: "待试课", 5: "试课未缴费",
    ])
}

extension StudentListItem {
    static let schema = Schema.object([
        "studentID": TutoringValues.storedID,
        "name": .string,
        "phone": TutoringValues.storedPhone,
        "school": .string,
        "grade": .string,
        "address": .string,
        "parent": .string,
        "parentPhone": TutoringValues.optionalPhone,
        "headmaster": Schema.string.describe("售后班主任姓名，未设置为空字符串"),
        "channel": .string,
        "developer": Schema.string.describe("开发者姓名，未设置为空字符串"),
        "level": TutoringValues.count,
        "state": StudentState.schema,
    ]).named("StudentListItem")
}

extension StudentInfo {
    static let schema = Schema.object([
        "studentID": TutoringValues.storedID,
        "name": .string,
        "phone": TutoringValues.storedPhone,
        "school": .string,
        "grade": .string,
        "address": .string,
        "parent": .string,
        "parentPhone": TutoringValues.optionalPhone,
        "headmasterID": TutoringValues.storedRef,
        "headmaster": .string,
        "channel": .string,
        "developerID": TutoringValues.storedRef,
        "developer": .string,
        "level": TutoringValues.count,
        "state": StudentState.schema,
    ]).named("Student")
}

extension StudentFields {
    /// student/add.
    static let schema = Schema.object(
        [
            "name": TutoringValues.name.describe("学生姓名"),
            "phone": TutoringValues.phone.describe("学生手机号"),
            "school": TutoringValues.text.describe("学生学校"),
            "grade": TutoringValues.text.describe("学生年级"),
            "address": TutoringValues.optionalText.describe("家庭住址"),
            "parent": TutoringValues.optionalName.describe("家长姓名"),
            "parentPhone": TutoringValues.optionalPhone.describe("家长手机号"),
            "headmasterID": TutoringValues.ref.describe("售后班主任员工ID，0 表示无"),
            "channel": TutoringValues.optionalText.describe("资源渠道"),
            "developerID": TutoringValues.ref.describe("开发者员工ID，0 表示无"),
            "level": TutoringValues.uint.describe("资源等级"),
            "state": StudentState.schema,
        ], optional: ["address", "parent", "parentPhone", "headmasterID", "channel", "developerID", "level"]
    ).named("StudentInput")

    /// student/update: the target, then any of the add fields (those required on add may not be emptied).
    static let updateSchema = schema.partial.adding(
        [
            "studentID": TutoringValues.id.describe("学生ID"),
            "studetID": TutoringValues.id.describe("学生ID 的别名，`studentID` 优先"),
        ], optional: ["studentID", "studetID"]
    ).named("StudentUpdateInput")
}
