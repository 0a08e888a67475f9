import RegistrarCore

extension LessonRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("lessonID", "课程ID", body: "LessonTarget")
        return [
            .get(
                "/admin/lesson/list", "课程列表",
                notes: "`data` 为课程数组（按 lessonID 降序），`page`、`allPage`、`total` 在信封顶层。传 `studentID` 时忽略 `orderID`。",
                query: [
                    TutoringValues.query("studentID", TutoringValues.id, "学生ID；不存在为 404"),
                    TutoringValues.query("orderID", TutoringValues.id, "订单ID；不存在为 404；传 studentID 时忽略"),
                    TutoringSchemas.page,
                    TutoringValues.query("num", TutoringValues.int(1...100), "每页的条数，默认 10"),
                ],
                data: Self.listData, errors: [404]
            ).besideData(["page": Schema.integer.minimum(1), "allPage": TutoringValues.count, "total": TutoringValues.count]),
            .get(
                "/admin/lesson/info", "课程信息",
                query: [TutoringValues.target("lessonID", "课程ID")],
                data: LessonItem.schema, errors: [404]),
            .post(
                "/admin/lesson/add", "添加课程",
                notes: "只能添加到状态 1 的订单（否则 409）；学生须与订单的学生相同（400）。",
                body: TutoringSchemas.fields(LessonFields.addSchema), errors: [404, 409]),
            .put(
                "/admin/lesson/update", "更改课程",
                notes: "只修改提交的字段；`orderID`、`studentID` 不可修改。已消耗课时等于总课时时状态保存为 3。",
                body: TutoringSchemas.fields(LessonFields.updateSchema), errors: [404]),
            .delete(
                "/admin/lesson/delete", "删除课程", notes: "软删除；所属订单已确认时为 409。",
                query: delete.query, body: delete.body, errors: [404, 409]),
        ]
    }

    static let listData = Schema.array(LessonItem.schema)
}

extension LessonState {
    static let schema = Schema.choice([1: "正常上课", 2: "停课状态", 3: "已经结课"])
}

extension LessonItem {
    /// lesson/list items and lesson/info.
    static let schema = Schema.object([
        "lessonID": TutoringValues.storedID,
        "orderID": TutoringValues.storedID,
        "teacherID": TutoringValues.storedID,
        "teacher": Schema.string.describe("教师姓名"),
        "studentID": TutoringValues.storedID,
        "student": Schema.string.describe("学生姓名"),
        "subject": .string,
        "allClass": TutoringValues.storedID,
        "consumedClass": TutoringValues.count,
        "weekClass": TutoringValues.count,
        "firstClassDate": TutoringValues.storedDate,
        "startDate": TutoringValues.storedDate,
        "endDate": TutoringValues.storedDate,
        "address": .string,
        "type": Schema.string.describe("辅导方式（订单接口中的 classType）"),
        "target": .string,
        "parentDemand": .string,
        "studentDemand": .string,
        "program": .string,
        "preprice": TutoringValues.count.describe("一节课单价（元）"),
        "state": LessonState.schema,
        "stateInfo": .string,
        "createTime": TutoringValues.time,
    ]).named("Lesson")
}

extension LessonFields {
    static let addSchema = Schema.object(
        [
            "orderID": TutoringValues.id.describe("订单ID"),
            "studentID": TutoringValues.id.describe("学生ID，须是订单的学生"),
            "teacherID": TutoringValues.id.describe("教师ID"),
            "subject": TutoringValues.subject,
            "allClass": TutoringValues.id.describe("本次课程全部课时数"),
            "weekClass": TutoringValues.uint.describe("一周上几节课"),
            "firstClassDate": TutoringValues.optionalDate.describe("第一天上课的日期"),
            "startDate": TutoringValues.optionalDate.describe("课程开始日期"),
            "endDate": TutoringValues.optionalDate.describe("课程终止日期，不早于开始日期"),
            "address": TutoringValues.optionalText.describe("日常上课地点"),
            "type": TutoringValues.optionalText.describe("本次辅导方式"),
            "target": TutoringValues.optionalText.describe("辅导目标"),
            "parentDemand": TutoringValues.optionalText.describe("家长预期"),
            "studentDemand": TutoringValues.optionalText.describe("学生预期"),
            "program": TutoringValues.optionalText.describe("辅导方案"),
            "preprice": TutoringValues.uint.describe("一节课单价（元），默认为教师当前价格"),
            "stateInfo": TutoringValues.optionalText.describe("课程状态说明"),
        ],
        optional: [
            "weekClass", "firstClassDate", "startDate", "endDate", "address", "type", "target", "parentDemand", "studentDemand",
            "program", "preprice", "stateInfo",
        ]
    ).named("LessonInput")

    static let updateSchema = Schema.object(
        [
            "lessonID": TutoringValues.id.describe("课程ID"),
            "teacherID": TutoringValues.id.describe("教师ID"),
            "subject": TutoringValues.subject,
            "allClass": TutoringValues.id.describe("本次课程全部课时数"),
            "consumedClass": TutoringValues.uint.describe("已经消耗的课时数，不超过总课时"),
            "weekClass": TutoringValues.uint.describe("一周上几节课"),
            "firstClassDate": TutoringValues.optionalDate.describe("第一天上课的日期，空字符串清除"),
            "startDate": TutoringValues.optionalDate.describe("课程开始日期，空字符串清除"),
            "endDate": TutoringValues.optionalDate.describe("课程终止日期，空字符串清除"),
            "address": TutoringValues.optionalText.describe("日常上课地点"),
            "type": TutoringValues.optionalText.describe("本次辅导方式"),
            "target": TutoringValues.optionalText.describe("辅导目标"),
            "parentDemand": TutoringValues.optionalText.describe("家长预期"),
            "studentDemand": TutoringValues.optionalText.describe("学生预期"),
            "program": TutoringValues.optionalText.describe("辅导方案"),
            "stateInfo": TutoringValues.optionalText.describe("课程状态说明"),
            "preprice": TutoringValues.uint.describe("一节课单价（元）"),
            "state": LessonState.schema,
        ],
        optional: [
            "teacherID", "subject", "allClass", "consumedClass", "weekClass", "firstClassDate", "startDate", "endDate", "address",
            "type", "target", "parentDemand", "studentDemand", "program", "stateInfo", "preprice", "state",
        ]
    ).named("LessonUpdateInput")
}
