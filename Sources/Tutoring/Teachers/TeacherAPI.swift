import RegistrarCore

extension TeacherRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("teacherID", "教师ID", body: "TeacherTarget")
        return [
            .get(
                "/admin/teacher/list", "教师列表", notes: "每页 10 条，按 teacherID 降序。", query: [TutoringSchemas.page],
                data: TutoringSchemas.page(TeacherListItem.schema)),
            .get(
                "/admin/teacher/info", "教师信息",
                query: [TutoringValues.target("teacherID", "教师ID")],
                data: TeacherInfo.schema, errors: [404]),
            .post(
                "/admin/teacher/add", "添加教师",
                notes: "未提交 `state` 时为 1（审核未通过）；提交时审核人为调用者。接待人员不存在为 404，手机号已被其他教师使用为 409。",
                body: TutoringSchemas.fields(TeacherFields.schema), errors: [404, 409]),
            .put(
                "/admin/teacher/update", "更改教师", notes: "只修改提交的字段；`state` 改变时审核人为调用者、审核时间为当前时间。",
                body: TutoringSchemas.fields(TeacherFields.updateSchema), errors: [404, 409]),
            .delete("/admin/teacher/delete", "删除教师", notes: "软删除；手机号可再次使用。", query: delete.query, body: delete.body, errors: [404]),
        ]
    }

    /// Teacher review `state` (§2.7).
    static let stateSchema = Schema.choice([1: "审核未通过", 2: "审核通过", 3: "已签约", 4: "加入黑名单"])
}

extension TeacherListItem {
    static let schema = Schema.object([
        "teacherID": TutoringValues.storedID,
        "name": .string,
        "age": TutoringValues.count.maximum(150),
        "teachAge": TutoringValues.count.maximum(100),
        "subject": .string,
        "grade": .string,
        "classType": .string,
        "zone": .string,
        "preprice": TutoringValues.count.describe("每节课价格（元）"),
        "phone": TutoringValues.storedPhone,
        "state": TeacherRoutes.stateSchema,
    ]).named("TeacherListItem")
}

extension TeacherInfo {
    static let schema = Schema.object([
        "teacherID": TutoringValues.storedID,
        "name": .string,
        "phone": TutoringValues.storedPhone,
        "sex": TutoringValues.sex,
        "age": TutoringValues.count.maximum(150),
        "photo": .string,
        "teachAge": TutoringValues.count.maximum(100),
        "subject": .string,
        "postShcool": Schema.string.describe("任教学校"),
        "grade": .string,
        "address": .string,
        "hometown": .string,
        "classType": .string,
        "preprice": TutoringValues.count.describe("每节课价格（元）"),
        "freeTime": .string,
        "zone": .string,
        "org": .string,
        "teachIntro": .string,
        "infoFrom": .string,
        "contactID": TutoringValues.storedID,
        "contact": Schema.string.describe("接待人员姓名"),
        "createTime": TutoringValues.time,
        "recommendTeacher": .string,
        "assessment": .string,
        "state": TeacherRoutes.stateSchema,
        "reviewer": Schema.string.describe("审核人姓名，未审核为空字符串"),
        "reviewTime": TutoringValues.time,
    ]).named("Teacher")
}

extension TeacherFields {
    /// teacher/add: name, phone, preprice and contactID are required.
    static let schema = Schema.object(
        [
            "name": TutoringValues.name.describe("教师姓名"),
            "phone": TutoringValues.phone.describe("手机号码，在职教师中唯一"),
            "sex": TutoringValues.sex,
            "age": TutoringValues.int(0...150).describe("年龄"),
            "photo": TutoringValues.optionalText.describe("照片地址"),
            "teachAge": TutoringValues.int(0...100).describe("教龄"),
            "subject": TutoringValues.optionalSubject,
            "postShcool": TutoringValues.optionalText.describe("任教学校"),
            "grade": TutoringValues.optionalText.describe("教授年级"),
            "address": TutoringValues.optionalText.describe("住址"),
            "hometown": TutoringValues.optionalText.describe("原籍"),
            "classType": TutoringValues.optionalText.describe("辅导类型"),
            "preprice": TutoringValues.uint.describe("每节课价格（元）"),
            "freeTime": TutoringValues.optionalText.describe("空闲时间"),
            "zone": TutoringValues.optionalText.describe("授课区域"),
            "org": TutoringValues.optionalText.describe("老师代课机构"),
            "teachIntro": TutoringValues.optionalText.describe("教学简介"),
            "infoFrom": TutoringValues.optionalText.describe("信息来源"),
            "contactID": TutoringValues.id.describe("公司接待人员ID（数字或数字字符串）"),
            "recommendTeacher": TutoringValues.optionalText.describe("可推荐老师"),
            "assessment": TutoringValues.optionalText.describe("机构评价"),
            "state": TeacherRoutes.stateSchema,
        ],
        optional: [
            "sex", "age", "photo", "teachAge", "subject", "postShcool", "grade", "address", "hometown", "classType", "freeTime",
            "zone", "org", "teachIntro", "infoFrom", "recommendTeacher", "assessment", "state",
        ]
    ).named("TeacherInput")

    /// teacher/update: the target plus any teacher field; name, phone, preprice and contactID cannot be cleared.
    static let updateSchema = schema.partial.adding(["teacherID": TutoringValues.id.describe("教师ID")]).named("TeacherUpdateInput")
}
