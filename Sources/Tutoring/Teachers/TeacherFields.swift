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

    /// The supplied fields as changes of teacher/update.
    var changes: RowChanges {
        var changes = RowChanges()
        changes.set("name", name)
        changes.set("phone", phone)
        changes.set("sex", sex)
        changes.set("age", age)
        changes.set("photo", photo)
        changes.set("teach_age", teachAge)
        changes.set("subject", subject)
        changes.set("post_school", postShcool)
        changes.set("grade", grade)
        changes.set("address", address)
        changes.set("hometown", hometown)
        changes.set("class_type", classType)
        changes.set("preprice", preprice)
        changes.set("free_time", freeTime)
        changes.set("zone", zone)
        changes.set("org", org)
        changes.set("teach_intro", teachIntro)
        changes.set("info_from", infoFrom)
        changes.set("contact_id", contactID)
        changes.set("recommend_teacher", recommendTeacher)
        changes.set("assessment", assessment)
        changes.set("state", state)
        return changes
    }
}

/// A teacher row as teacher/add creates it: absent optional fields empty (0 for numbers), state 1 unless
/// supplied; a supplied state is a review by the caller (§4.3).
struct NewTeacher: Encodable, Sendable {
    let name, phone, sex: String
    let age: Int
    let photo: String
    let teachAge: Int
    let subject, postSchool, grade, address, hometown, classType: String
    let preprice: Int
    let freeTime, zone, org, teachIntro, infoFrom: String
    let contactId: Int
    let recommendTeacher, assessment: String
    let state: Int
    let reviewerId: Int?
    let reviewTime: Int?
    let createTime, updateTime: Int

    /// `fields` read with `adding: true`, so name, phone, preprice and contactID are there.
    init(_ fields: TeacherFields, reviewer: Int, at now: Int) throws {
        guard let name = fields.name, let phone = fields.phone, let preprice = fields.preprice, let contactID = fields.contactID
        else { throw AppError.serverFault }
        self.name = name
        self.phone = phone
        sex = fields.sex ?? ""
        age = fields.age ?? 0
        photo = fields.photo ?? ""
        teachAge = fields.teachAge ?? 0
        subject = fields.subject ?? ""
        postSchool = fields.postShcool ?? ""
        grade = fields.grade ?? ""
        address = fields.address ?? ""
        hometown = fields.hometown ?? ""
        classType = fields.classType ?? ""
        self.preprice = preprice
        freeTime = fields.freeTime ?? ""
        zone = fields.zone ?? ""
        org = fields.org ?? ""
        teachIntro = fields.teachIntro ?? ""
        infoFrom = fields.infoFrom ?? ""
        contactId = contactID
        recommendTeacher = fields.recommendTeacher ?? ""
        assessment = fields.assessment ?? ""
        state = fields.state ?? 1
        reviewerId = fields.state != nil ? reviewer : nil
        reviewTime = fields.state != nil ? now : nil
        createTime = now
        updateTime = now
    }
}
