import RegistrarCore

extension StudentInfoRoutes {
    var operations: [APIOperation] {
        let byUser = "`{id}` 为用户 id；没有资料或为管理员账号时答 404 `未找到user_info实例`。"
        return [
            .get(
                "/admin/user_info", "学生列表（不含管理员账号的资料，资料 id 升序）",
                query: [
                    SummerSchemas.page,
                    APIParameter("name", .string, "姓名（不区分大小写的子串）"),
                    APIParameter("email", .string, "邮箱（不区分大小写的子串）"),
                    APIParameter("wechat", .string, "微信号（不区分大小写的子串）"),
                ],
                data: SummerSchemas.page(StudentListItem.schema)),
            .get("/admin/user_info/{id}", "学生详情", notes: byUser, data: StudentDetail.schema),
            .post(
                "/admin/user_info/{id}/add_remark", "为学生添加备注", notes: byUser + "body 中的 `user_info` 被忽略。",
                body: SummerSchemas.fields(Schema.object(["remark": Schema.string.minLength(1).maxLength(255)]).named("StudentRemarkInput")),
                data: StudentRemark.schema),
            .get(
                "/admin/user_info/{id}/confirm_course", "学生的审课记录（id 升序，不分页）", notes: byUser,
                data: .array(StudentConfirmCourse.schema)),
            .get(
                "/admin/user_info/{id}/scores", "学生的成绩（记录 id 升序，不分页）", notes: byUser,
                data: .array(StudentScore.schema)),
        ]
    }
}

extension StudentChannel {
    static let schema = Schema.object(["id": .integer, "name": .string, "create_time": SummerSchemas.time]).named("StudentChannel")
}

extension StudentListItem {
    static let schema = Schema.object([
        "user_id": .integer,
        "name": .string,
        "email": .string,
        "cschool": .string,
        "last_login": SummerSchemas.time.orNull,
        "wechat": .string,
        "personal_file": .choice(["已建档": "已建档", "未建档": "未建档"]),
        "channel": StudentChannel.schema.orNull,
    ]).named("StudentListItem")
}

extension StudentRemark {
    static let schema = Schema.object(["id": .integer, "remark": .string, "create_time": SummerSchemas.time]).named("StudentRemark")
}

extension StudentDetail {
    static let schema = Schema.object([
        "user_id": .integer,
        "name": .string,
        "email": .string,
        "first_name": Schema.string.orNull,
        "last_name": Schema.string.orNull,
        "gender": Schema.object([
            "key": Schema.string.describe("MALE: 男; FEMALE: 女；未设置时为空字符串"),
            "verbose": Schema.string.orNull,
        ]).orNull,
        "id_number": Schema.string.orNull,
        "wechat": .string,
        "cschool": .string,
        "wcampus": Schema.array(.object([
            "id": .integer, "name": .string, "info": .string, "create_time": SummerSchemas.time,
        ])).orNull.describe("意向校区；存储的值不是 id 数组时为 null"),
        "major": Schema.string.orNull,
        "graduate_year": Schema.string.orNull,
        "gpa": Schema.number.orNull,
        "user_info_remark": .array(StudentRemark.schema),
        "user_coupon": Schema.array(.object([
            "user": .integer, "id": .integer.describe("优惠券 id"), "info": .string, "start_time": SummerSchemas.time,
            "end_time": SummerSchemas.time, "coupon_code": .string, "amount": SummerSchemas.money,
        ])).orNull.describe("可用的优惠券；没有时为 null"),
        "channel": StudentChannel.schema.orNull,
        "sales_man": ConsultantView.schema.orNull,
    ]).named("StudentDetail")
}

extension StudentConfirmCourse {
    static let schema = Schema.object([
        "syllabus": Schema.type("null").describe("总是 null"),
        "confirm_img": Schema.string.orNull.describe("审课图片的绝对 URL"),
        "status": ChoiceSet.userCourseStatus.renderedSchema.orNull,
        "user": .integer,
        "project": .object(["id": .integer, "name": Schema.string.orNull]),
        "course": .object(["id": .integer, "name": .string, "course_code": .string]),
    ]).named("StudentConfirmCourse")
}

extension StudentScore {
    static let schema = Schema.object([
        "project_name": Schema.string.orNull,
        "course_code": .string,
        "start_time": Schema.string.orNull.describe("课程在该项目中的开始时间；开课信息已删除时为 null"),
        "end_time": Schema.string.orNull,
        "score": .integer,
        "score_grade": Schema.string.orNull,
        "user": .integer,
        "order": .integer,
        "course": .integer,
    ]).named("StudentScore")
}
