/// The appointment fields of update (§2.6.3), in request-table order: every one optional, those required
/// on add may not be emptied.
struct AppointmentFields: Sendable {
    let studentID: Int?
    let lessionID: Int?
    let teacherID: Int?
    let subject: String?
    let trialDate: String?
    let trialTime: String?
    let localtion: String?
    let matcherID: Int?

    init(_ input: TutoringInput) throws {
        studentID = try input.id("studentID", Label.student, .optional)
        lessionID = try input.ref("lessionID", Label.lesson)
        teacherID = try input.id("teacherID", Label.teacher, .optional)
        subject = try input.subject("subject", Label.subject, .nonEmpty)
        trialDate = try input.date("trialDate", Label.trialDate, .nonEmpty)
        trialTime = try input.timeRange("trialTime", Label.trialTime, .nonEmpty)
        localtion = try input.text("localtion", Label.location, .nonEmpty)
        matcherID = try input.id("matcherID", Label.matcher, .optional)
    }

    /// Field labels of §2.6.2–2.6.3.
    enum Label {
        static let student = "学生ID"
        static let lesson = "课程ID"
        static let teacher = "约课的教师ID"
        static let subject = "约课科目"
        static let trialDate = "试课日期"
        static let trialTime = "试课时间段"
        static let location = "约课地点"
        static let matcher = "匹课员工ID"
    }
}

/// The fields of appoint/add (§2.6.2), in request-table order; all required except `lessionID` (0 = none).
struct NewAppointmentFields: Sendable {
    typealias Label = AppointmentFields.Label
    let studentID: Int
    let lessionID: Int?
    let teacherID: Int
    let subject: String
    let trialDate: String
    let trialTime: String
    let localtion: String
    let matcherID: Int

    init(_ input: TutoringInput) throws {
        studentID = try input.requiredID("studentID", Label.student)
        lessionID = try input.ref("lessionID", Label.lesson)
        teacherID = try input.requiredID("teacherID", Label.teacher)
        subject = try input.requiredSubject("subject", Label.subject)
        trialDate = try input.requiredDate("trialDate", Label.trialDate)
        trialTime = try input.requiredTimeRange("trialTime", Label.trialTime)
        localtion = try input.requiredText("localtion", Label.location)
        matcherID = try input.requiredID("matcherID", Label.matcher)
    }
}

/// An appointment row as appoint/add creates it: booked, nothing consumed.
struct NewAppointment: Encodable, Sendable {
    let studentId: Int
    let lessonId: Int?
    let teacherId: Int
    let subject, trialDate, trialTime, location: String
    let matcherId: Int
    let state = AppointmentState.booked.rawValue
    let stateInfo = ""
    let classConsumed = false
    let createTime, updateTime: Int

    init(_ fields: NewAppointmentFields, at now: Int) {
        studentId = fields.studentID
        lessonId = fields.lessionID == 0 ? nil : fields.lessionID
        teacherId = fields.teacherID
        subject = fields.subject
        trialDate = fields.trialDate
        trialTime = fields.trialTime
        location = fields.localtion
        matcherId = fields.matcherID
        createTime = now
        updateTime = now
    }
}
