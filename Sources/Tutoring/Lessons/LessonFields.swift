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
    var state: Int?

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
            state = try input.enumeration("state", "课程状态", 1...3)
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

    /// Column → value of every supplied field other than the class counts and state (update).
    var plainColumns: [(String, any Encodable & Sendable)] {
        var list: [(String, any Encodable & Sendable)] = []
        func put(_ column: String, _ value: (any Encodable & Sendable)?) { if let value { list.append((column, value)) } }
        func putDate(_ column: String, _ value: String?) { if let value { list.append((column, NewLesson.storedDate(value))) } }
        put("subject", subject)
        put("week_class", weekClass)
        putDate("first_class_date", firstClassDate)
        putDate("start_date", startDate)
        putDate("end_date", endDate)
        put("address", address)
        put("class_type", type)
        put("target", target)
        put("parent_demand", parentDemand)
        put("student_demand", studentDemand)
        put("program", program)
        put("state_info", stateInfo)
        put("preprice", preprice)
        return list
    }
}
