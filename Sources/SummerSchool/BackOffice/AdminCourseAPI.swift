import RegistrarCore

extension AdminCourseRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/course", "课程列表（含停用课程，id 升序）", notes: "`pagination=false` 在此不生效，总是分页。",
                query: [SummerSchemas.page], data: SummerSchemas.page(AdminCourseItem.schema)),
            .post(
                "/admin/course/create_user_course", "为学生在其订单下分配课程",
                notes: "订单须属于该学生且已确认；课程须有效并由订单中的项目提供；受订单选课数与课程名额限制。成功时 `msg` 为 `选课成功`。",
                body: SummerSchemas.fields(CourseAssignment.Fields.schema), data: .emptyObject),
            .get(
                "/admin/course/course_to_confirm_count", "待审核（TO_CONFIRM）的选课记录数",
                data: .object(["course_to_confirm_count": .integer.minimum(0)])),
            .get("/admin/course/{id}", "课程详情", data: AdminCourseItem.schema),
            .put(
                "/admin/course/{id}", "修改课程（代码、名称、学分）",
                body: SummerSchemas.fields(AdminCourseFields.schema), data: AdminCourseItem.schema),
            .patch(
                "/admin/course/{id}", "修改课程（部分字段）",
                body: SummerSchemas.fields(AdminCourseFields.schema.partial), data: AdminCourseItem.schema),
        ]
    }
}

extension AdminCourseItem {
    static let schema = Schema.object([
        "id": .integer, "course_code": .string, "name": .string, "credit": .integer,
    ]).named("AdminCourse")
}

extension AdminCourseFields {
    static let schema = Schema.object([
        "course_code": Schema.string.minLength(1).maxLength(30).describe("课程代码，唯一"),
        "name": Schema.string.minLength(1).maxLength(255),
        "credit": .integer,
    ]).named("AdminCourseInput")
}

extension CourseAssignment.Fields {
    static let schema = Schema.object([
        "course": .integer.describe("课程 id"),
        "order": .integer.describe("订单 id（须属于该学生）"),
        "user": .integer.describe("学生的用户 id"),
    ]).named("CourseAssignmentInput")
}
