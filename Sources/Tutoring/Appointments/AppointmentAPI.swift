import RegistrarCore

extension AppointmentRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("appointID", "约课记录ID", body: "AppointmentTarget")
        return [
            .get(
                "/admin/appoint/list", "约课列表", notes: "该学生的全部约课，按 appointID 降序。",
                query: [TutoringValues.target("studentID", "学生ID")],
                data: .array(AppointmentItem.schema), errors: [404]),
            .post(
                "/admin/appoint/add", "添加约课", notes: "新约课的状态为 1；请求中的 `state`、`stateInfo` 被忽略。课程须属于该学生（400）。",
                body: TutoringSchemas.fields(NewAppointmentFields.schema), errors: [404]),
            .put(
                "/admin/appoint/update", "更改约课",
                notes: "只修改提交的字段。状态改为 2（已成交）时消耗所选课程的一个课时（课时已满为 409）；已成交的约课不能再改状态或课程（409）。",
                body: TutoringSchemas.fields(AppointmentFields.schema), errors: [404, 409]),
            .delete("/admin/appoint/delete", "删除约课", notes: "软删除；已消耗的课时不退回。", query: delete.query, body: delete.body, errors: [404]),
        ]
    }
}

extension AppointmentState {
    static let schema = Schema.choice([1: "已约课未试课", 2: "已成交", 3: "已放弃试课", 4: "试课未成交"])
}

extension AppointmentItem {
    static let schema = Schema.object([
        "appointID": TutoringValues.storedID,
        "studentID": TutoringValues.storedID,
        "lessionID": TutoringValues.storedRef.describe("课程ID，0 表示无"),
        "teacherID": TutoringValues.storedID,
        "teacher": Schema.string.describe("教师姓名"),
        "subject": .string,
        "trialDate": Schema.date.describe("试课日期"),
        "trialTime": Schema.string.with("pattern", "^[0-9]{1,2}:[0-9]{2}-[0-9]{1,2}:[0-9]{2}$").describe("试课时间段 H:MM-H:MM"),
        "localtion": Schema.string.describe("约课地点"),
        "matcherID": TutoringValues.storedID,
        "matcher": Schema.string.describe("匹课员工姓名"),
        "state": AppointmentState.schema,
        "stateInfo": .string,
        "createTime": TutoringValues.time,
    ]).named("Appointment")
}

extension NewAppointmentFields {
    static let schema = Schema.object(
        [
            "studentID": TutoringValues.id.describe(Label.student),
            "lessionID": TutoringValues.ref.describe("课程ID，0 表示无；须是该学生的课程"),
            "teacherID": TutoringValues.id.describe(Label.teacher),
            "subject": TutoringValues.subject,
            "trialDate": TutoringValues.date.describe(Label.trialDate),
            "trialTime": TutoringValues.timeRange,
            "localtion": TutoringValues.text.describe(Label.location),
            "matcherID": TutoringValues.id.describe(Label.matcher),
        ], optional: ["lessionID"]
    ).named("AppointmentInput")
}

extension AppointmentFields {
    /// appoint/update: the target plus any field; `studentID` is compared with the stored student, never changed.
    static let schema = Schema.object(
        [
            "appointID": TutoringValues.id.describe("约课信息ID"),
            "studentID": TutoringValues.id.describe("学生ID：须与约课所属学生相同（400）"),
            "lessionID": TutoringValues.ref.describe("课程ID，0 清除"),
            "teacherID": TutoringValues.id.describe(Label.teacher),
            "subject": TutoringValues.subject,
            "trialDate": TutoringValues.date.describe(Label.trialDate),
            "trialTime": TutoringValues.timeRange,
            "localtion": TutoringValues.text.describe(Label.location),
            "matcherID": TutoringValues.id.describe(Label.matcher),
            "state": AppointmentState.schema,
            "stateInfo": TutoringValues.optionalText.describe("状态说明"),
        ],
        optional: ["studentID", "lessionID", "teacherID", "subject", "trialDate", "trialTime", "localtion", "matcherID", "state", "stateInfo"]
    ).named("AppointmentUpdateInput")
}
