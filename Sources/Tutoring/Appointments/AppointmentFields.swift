/// The appointment fields shared by add and update (§2.6.2–2.6.3), in request-table order.
struct AppointmentFields: Sendable {
    let studentID: Int?
    let lessionID: Int?
    let teacherID: Int?
    let subject: String?
    let trialDate: String?
    let trialTime: String?
    let localtion: String?
    let matcherID: Int?

    init(_ input: TutoringInput, adding: Bool) throws {
        let required: Presence = adding ? .required : .nonEmpty
        let requiredID: Presence = adding ? .required : .optional
        studentID = try input.id("studentID", "学生ID", requiredID)
        lessionID = try input.ref("lessionID", "课程ID")
        teacherID = try input.id("teacherID", "约课的教师ID", requiredID)
        subject = try input.subject("subject", "约课科目", required)
        trialDate = try input.date("trialDate", "试课日期", required)
        trialTime = try input.timeRange("trialTime", "试课时间段", required)
        localtion = try input.text("localtion", "约课地点", required)
        matcherID = try input.id("matcherID", "匹课员工ID", requiredID)
    }
}
