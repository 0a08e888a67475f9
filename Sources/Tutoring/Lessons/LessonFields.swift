import RegistrarCore

/// lesson/add and lesson/update fields after `orderID`/`studentID`/`teacherID` (§2.9.3, §2.9.4), in table order.
struct LessonFields: Sendable {
    var subject: String?
    var allClass: Int?
    var consumedClass: Int?
    var weekClass: Int?
    var firstClassDate: String?
    var startDate: String?
    var endDate: String?
    var address: String?
    var type: String?
    var target: String?
    var parentDemand: String?
    var studentDemand: String?
    var program: String?
    var stateInfo: String?
    var preprice: Int?
    var state: LessonState?

    /// `adding`: subject and allClass are required; consumedClass and state are update-only.
    init(_ input: TutoringInput, adding: Bool) throws {
        subject = try input.subject("subject", "辅导科目", adding ? .required : .nonEmpty)
        allClass = try input.int("allClass", "本次课程全部课时数", 1...TutoringInput.maxInt, adding ? .required : .optional)
        if !adding { consumedClass = try input.uint("consumedClass", "已经消耗的课时数") }
        weekClass = try input.uint("weekClass", "一周上几节课")
        firstClassDate = try input.date("firstClassDate", "第一天上课的日期")
        startDate = try input.date("startDate", "课程开始日期")
        endDate = try input.date("endDate", "课程终止日期")
        address = try input.text("address", "日常上课地点")
        type = try input.text("type", "本次辅导方式")
        target = try input.text("target", "辅导目标")
        parentDemand = try input.text("parentDemand", "家长预期")
        studentDemand = try input.text("studentDemand", "学生预期")
        program = try input.text("program", "辅导方案")
        if adding {
            preprice = try input.uint("preprice", "一节课单价")
            stateInfo = try input.text("stateInfo", "课程状态说明")
        } else {
            stateInfo = try input.text("stateInfo", "课程状态说明")
            preprice = try input.uint("preprice", "一节课单价")
            state = try input.enumeration("state", "课程状态", 1...3).flatMap(LessonState.init(rawValue:))
        }
    }

    /// startDate ≤ endDate where both are known (`""` is "no date"); field endDate if supplied, else startDate.
    func checkDateOrder(storedStart: String? = nil, storedEnd: String? = nil) throws {
        let start = startDate ?? storedStart ?? ""
        let end = endDate ?? storedEnd ?? ""
        if !start.isEmpty, !end.isEmpty, start > end {
            throw AppError(code: 400, msg: "开始日期不能晚于结束日期", fieldName: endDate != nil ? "endDate" : "startDate")
        }
    }

    /// The supplied fields other than the class counts and state, as changes of lesson/update.
    var changes: RowChanges {
        var changes = RowChanges()
        changes.set("subject", subject)
        changes.set("week_class", weekClass)
        changes.setDate("first_class_date", firstClassDate)
        changes.setDate("start_date", startDate)
        changes.setDate("end_date", endDate)
        changes.set("address", address)
        changes.set("class_type", type)
        changes.set("target", target)
        changes.set("parent_demand", parentDemand)
        changes.set("student_demand", studentDemand)
        changes.set("program", program)
        changes.set("state_info", stateInfo)
        changes.set("preprice", preprice)
        return changes
    }
}
