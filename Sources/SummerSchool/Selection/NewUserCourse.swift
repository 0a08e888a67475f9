/// A new course selection, as the student's own selection and the staff assignment insert it: awaiting the
/// review proof, credit transfer not started, no score yet.
struct NewUserCourse: Encodable, Sendable {
    let userId: Int
    let courseId: Int
    let orderId: Int
    let projectId: Int
    let createTime: Int64
    let modifiedTime: Int64
    var score = 0
    var status = CourseReviewState.toUpload.rawValue
    var creditSwitchStatus = CreditTransferState.prePosted.rawValue
}
