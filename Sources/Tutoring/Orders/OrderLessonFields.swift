import RegistrarCore

/// One element of order/add's `lesson` array (§2.8.3), read with the `第{i+1}个课程的` label prefix and
/// `lesson[i].` field names.
struct OrderLessonFields: Sendable {
    let index: Int
    var teacherID: Int
    var subject: String
    var allClass: Int
    var preprice: Int?
    var weekClass: Int
    var firstClassDate: String
    var startDate: String
    var endDate: String
    var classType: String
    var target: String
    var parentDemand: String
    var studentDemand: String
    var program: String

    init(_ element: JSONValue, index: Int) throws {
        guard case .object(let object) = element else {
            throw AppError(code: 400, msg: "第\(index + 1)个课程格式不正确", fieldName: "lesson[\(index)]")
        }
        let input = TutoringInput(object: object, labelPrefix: "第\(index + 1)个课程的", fieldPrefix: "lesson[\(index)].")
        self.index = index
        teacherID = try input.requiredID("teacherID", "教师ID")
        subject = try input.requiredSubject("subject", "科目")
        allClass = try input.requiredInt("allClass", "总课时数", 1...TutoringInput.maxInt)
        preprice = try input.uint("preprice", "单课时费")
        weekClass = try input.uint("weekClass", "一周上几节课") ?? 0
        firstClassDate = try input.date("firstClassDate", "第一次上课日期") ?? ""
        startDate = try input.date("startDate", "课程开始日期") ?? ""
        endDate = try input.date("endDate", "课程结束日期") ?? ""
        classType = try input.text("classType", "代课类型") ?? ""
        target = try input.text("target", "辅导目标") ?? ""
        parentDemand = try input.text("parentDemand", "家长期望") ?? ""
        studentDemand = try input.text("studentDemand", "学生期望") ?? ""
        program = try input.text("program", "辅导方案") ?? ""
    }

    /// Request rule: a start date after the end date (zero-padded dates compare as text).
    func checkDateOrder() throws {
        if !startDate.isEmpty, !endDate.isEmpty, startDate > endDate {
            throw AppError(code: 400, msg: "开始日期不能晚于结束日期", fieldName: "lesson[\(index)].endDate")
        }
    }
}
