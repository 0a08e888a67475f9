/// Course review (审课) state of a course selection, `UserCourse.STATUS` (catalog spec §8.4). The student
/// moves TO_UPLOAD → TO_CONFIRM by uploading proof; staff decide PASS or NOPASS.
enum CourseReviewState: String, CaseIterable, Sendable {
    case toUpload = "TO_UPLOAD"
    case toConfirm = "TO_CONFIRM"
    case pass = "PASS"
    case noPass = "NOPASS"

    /// `{key, verbose}` of a stored key; nil for a key outside the enumeration.
    static func choice(_ stored: String) -> Choice? { ChoiceSet.userCourseStatus.choice(stored) }
}

/// Credit-transfer (学分转换) state of a course selection, `CREDIT_SWITCH_STATUS` (catalog spec §8.5, D21).
/// Staff move PRE_POSTED → POSTED → RECEIVED; the student then submits SUCCESS or FAILURE with proof (D13).
enum CreditTransferState: String, CaseIterable, Sendable {
    case prePosted = "PRE_POSTED"
    case posted = "POSTED"
    case received = "RECEIVED"
    case success = "SUCCESS"
    case failure = "FAILURE"

    /// The results a student may submit (D13).
    static let studentResults: [CreditTransferState] = [.success, .failure]
    /// The states from which the student's upload is accepted.
    static let awaitingResult: [CreditTransferState] = [.posted, .received]

    var verbose: String { ChoiceSet.creditSwitchStatus.choice(rawValue)?.verbose ?? rawValue }

    static func choice(_ stored: String) -> Choice? { ChoiceSet.creditSwitchStatus.choice(stored) }
}
