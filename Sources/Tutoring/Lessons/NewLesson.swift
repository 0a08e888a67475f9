/// A lesson row as order/add and lesson/add create it: running, nothing consumed (§2.8.3, §2.9.3).
struct NewLesson: Encodable, Sendable {
    var orderId: Int
    var studentId: Int
    var teacherId: Int
    var subject: String
    var allClass: Int
    var consumedClass = 0
    var weekClass: Int
    var firstClassDate: String?
    var startDate: String?
    var endDate: String?
    var address: String
    var classType: String
    var target: String
    var parentDemand: String
    var studentDemand: String
    var program: String
    var preprice: Int
    var state = LessonState.running.rawValue
    var stateInfo: String
    var createTime: Int
    var updateTime: Int

    /// `""` dates are stored as NULL (not set).
    static func storedDate(_ text: String) -> String? { text.isEmpty ? nil : text }
}
