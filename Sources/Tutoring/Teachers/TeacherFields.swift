import RegistrarCore

/// The teacher fields shared by add and update (§2.7), read in request-table order.
struct TeacherFields: Sendable {
    var name: String?
    var phone: String?
    var sex: String?
    var age: Int?
    var photo: String?
    var teachAge: Int?
    var subject: String?
    var postShcool: String?
    var grade: String?
    var address: String?
    var hometown: String?
    var classType: String?
    var preprice: Int?
    var freeTime: String?
    var zone: String?
    var org: String?
    var teachIntro: String?
    var infoFrom: String?
    var contactID: Int?
    var recommendTeacher: String?
    var assessment: String?
    var state: Int?

    /// `adding`: name, phone, preprice and contactID are required; on update they may not be cleared.
    init(_ input: TutoringInput, adding: Bool) throws {
        let kept: Presence = adding ? .required : .nonEmpty
        name = try input.name("name", "教师姓名", kept)
        phone = try input.phone("phone", "手机号码", kept)
        sex = try input.sex("sex", "教师性别")
        age = try input.int("age", "年龄", 0...150)
        photo = try input.text("photo", "照片地址")
        teachAge = try input.int("teachAge", "教龄", 0...100)
        subject = try input.subject("subject", "教学科目")
        postShcool = try input.text("postShcool", "任教学校")
        grade = try input.text("grade", "教授年级")
        address = try input.text("address", "住址")
        hometown = try input.text("hometown", "原籍")
        classType = try input.text("classType", "辅导类型")
        preprice = try input.uint("preprice", "每节课价格", adding ? .required : .optional)
        freeTime = try input.text("freeTime", "空闲时间")
        zone = try input.text("zone", "授课区域")
        org = try input.text("org", "老师代课机构")
        teachIntro = try input.text("teachIntro", "教学简介")
        infoFrom = try input.text("infoFrom", "信息来源")
        contactID = try input.id("contactID", "公司接待人员ID", adding ? .required : .optional)
        recommendTeacher = try input.text("recommendTeacher", "可推荐老师")
        assessment = try input.text("assessment", "机构评价")
        state = try input.enumeration("state", "审核状态", 1...4)
    }

    /// Column → value for every supplied field (update), or every field with its default (add).
    func columns(defaults: Bool) -> [(String, any Encodable & Sendable)] {
        var list: [(String, any Encodable & Sendable)] = []
        func put(_ column: String, _ value: String?) {
            if let value { list.append((column, value)) } else if defaults { list.append((column, "")) }
        }
        func put(_ column: String, _ value: Int?, _ fallback: Int = 0) {
            if let value { list.append((column, value)) } else if defaults { list.append((column, fallback)) }
        }
        put("name", name)
        put("phone", phone)
        put("sex", sex)
        put("age", age)
        put("photo", photo)
        put("teach_age", teachAge)
        put("subject", subject)
        put("post_school", postShcool)
        put("grade", grade)
        put("address", address)
        put("hometown", hometown)
        put("class_type", classType)
        put("preprice", preprice)
        put("free_time", freeTime)
        put("zone", zone)
        put("org", org)
        put("teach_intro", teachIntro)
        put("info_from", infoFrom)
        put("contact_id", contactID)
        put("recommend_teacher", recommendTeacher)
        put("assessment", assessment)
        put("state", state, 1)
        return list
    }
}
