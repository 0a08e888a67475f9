/// appoint/list items, with the teacher and matcher names resolved by LEFT JOIN (§1.11).
struct AppointmentItem: Codable, Sendable {
    let appointID: Int
    let studentID: Int
    let lessionID: Int
    let teacherID: Int
    let teacher: String
    let subject: String
    let trialDate: String
    let trialTime: String
    let localtion: String
    let matcherID: Int
    let matcher: String
    let state: Int
    let stateInfo: String
    let createTime: Int

    static let select = """
        SELECT a.id AS "appointID", a.student_id AS "studentID", COALESCE(a.lesson_id, 0) AS "lessionID",
            a.teacher_id AS "teacherID", COALESCE(t.name, '') AS teacher, a.subject, a.trial_date AS "trialDate",
            a.trial_time AS "trialTime", a.location AS localtion, a.matcher_id AS "matcherID",
            COALESCE(m.name, '') AS matcher, a.state, a.state_info AS "stateInfo", a.create_time AS "createTime"
        FROM tutoring_appointment a
        LEFT JOIN tutoring_teacher t ON t.id = a.teacher_id
        LEFT JOIN tutoring_staff m ON m.id = a.matcher_id
        """
}

/// The stored values appoint/update compares against.
struct StoredAppointment: Decodable, Sendable {
    let student_id: Int
    let lesson_id: Int?
    let teacher_id: Int
    let matcher_id: Int
    let state: AppointmentState
}

/// Appointment `state` (§4.2).
enum AppointmentState: Int, Codable, Sendable {
    /// 已约课未试课: the state of a new appointment.
    case booked = 1
    /// 已成交: final, locks `lessionID`, consumes one class of the lesson.
    case deal = 2
    /// 已放弃试课
    case abandoned = 3
    /// 试课未成交
    case noDeal = 4
}
