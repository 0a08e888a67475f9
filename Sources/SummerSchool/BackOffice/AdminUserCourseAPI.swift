import RegistrarCore

extension AdminUserCourseRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/user_course", "选课记录列表（id 升序）",
                query: [SummerSchemas.page, APIParameter("user", .integer, "学生的用户 id；不是 id 的值不匹配任何记录")],
                data: SummerSchemas.page(AdminUserCourseItem.schema)),
            .put(
                "/admin/user_course/add_score", "登记成绩（分数与等级）",
                notes: "记录由 (user, course, order) 确定；找不到时答 404 `未找到选课记录`。审课状态不变。",
                body: SummerSchemas.fields(AdminUserCourseKey.schema.adding([
                    "score": .integer, "score_grade": Schema.string.minLength(1).maxLength(30).describe("成绩等级"),
                ]).named("UserCourseScoreInput")),
                data: AdminUserCourseItem.schema, errors: [404]),
            .put(
                "/admin/user_course/confirm_course", "审核课程（设置审课状态）",
                notes: "记录由 (user, course, order) 确定；找不到时答 404。学生未上传审课图片（TO_UPLOAD）时只能保持 TO_UPLOAD。",
                body: SummerSchemas.fields(AdminUserCourseKey.schema.adding([
                    "status": ChoiceSet.userCourseStatus.keySchema(),
                ]).named("UserCourseReviewInput")),
                data: AdminUserCourseItem.schema, errors: [404]),
            .get("/admin/user_course/{id}", "选课记录详情", data: AdminUserCourseItem.schema),
        ]
    }
}

extension AdminUserCourseItem {
    static let schema = Schema.object([
        "id": .integer,
        "order": .integer.describe("订单 id"),
        "course": .object(["id": .integer, "course_code": .string, "name": .string, "credit": .integer]),
        "score": .integer,
        "score_grade": Schema.string.orNull,
        "reporting_time": SummerSchemas.time.orNull.describe("成绩登记时间"),
        "confirm_img": Schema.string.orNull.describe("审课图片的绝对 URL"),
        "status": ChoiceSet.userCourseStatus.renderedSchema.orNull.describe("审课状态"),
        "user_info": Schema.object(["user": .integer, "name": .string, "email": .string, "wechat": .string]).orNull
            .describe("学生资料；没有资料时为 null"),
    ]).named("AdminUserCourse")
}

extension AdminUserCourseKey {
    /// The three ids naming a course record.
    static let schema = Schema.object([
        "user": .integer.describe("学生的用户 id"),
        "course": .integer.describe("课程 id"),
        "order": .integer.describe("订单 id"),
    ])
}
