/// The student fields of add and update (§2.4.3–2.4.4), validated in request-table order.
/// On update every field is optional, and those required on add may not be emptied.
struct StudentFields: Sendable {
    let name: String?
    let phone: String?
    let school: String?
    let grade: String?
    let address: String?
    let parent: String?
    let parentPhone: String?
    let headmasterID: Int?
    let channel: String?
    let developerID: Int?
    let level: Int?
    let state: Int?

    init(_ input: TutoringInput, adding: Bool) throws {
        let required: Presence = adding ? .required : .nonEmpty
        name = try input.name("name", "学生姓名", required)
        phone = try input.phone("phone", "学生手机号", required)
        school = try input.text("school", "学生学校", required)
        grade = try input.text("grade", "学生年级", required)
        address = try input.text("address", "家庭住址")
        parent = try input.name("parent", "家长姓名")
        parentPhone = try input.phone("parentPhone", "家长手机号")
        headmasterID = try input.ref("headmasterID", "售后班主任员工ID")
        channel = try input.text("channel", "资源渠道")
        developerID = try input.ref("developerID", "开发者员工ID")
        level = try input.uint("level", "资源等级")
        state = try input.enumeration("state", "资源状态", 0...5, adding ? .required : .optional)
    }
}

/// A student row as student/add creates it: absent optional fields are empty, a 0 reference is NULL.
struct NewStudent: Encodable, Sendable {
    let name, phone, school, grade, address, parent, parentPhone: String
    let headmasterId: Int?
    let channel: String
    let developerId: Int?
    let level, state, createTime, updateTime: Int

    init(_ fields: StudentFields, at now: Int) {
        name = fields.name ?? ""
        phone = fields.phone ?? ""
        school = fields.school ?? ""
        grade = fields.grade ?? ""
        address = fields.address ?? ""
        parent = fields.parent ?? ""
        parentPhone = fields.parentPhone ?? ""
        headmasterId = fields.headmasterID == 0 ? nil : fields.headmasterID
        channel = fields.channel ?? ""
        developerId = fields.developerID == 0 ? nil : fields.developerID
        level = fields.level ?? 0
        state = fields.state ?? StudentState.following.rawValue
        createTime = now
        updateTime = now
    }
}
