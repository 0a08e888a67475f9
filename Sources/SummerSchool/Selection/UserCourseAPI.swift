import RegistrarCore

extension UserCourseRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/source/user_course", "我的选课记录（按 id 升序）", query: [SummerSchemas.page],
                data: SummerSchemas.page(UserCourseRawItem.schema)),
            .post(
                "/source/user_course", "选课（仅已确认的订单；一次一个项目）",
                notes: "订单未确认、购物车项不属于该订单、课程无效或重复、超出可选数量时答 400。",
                body: SummerSchemas.fields(CourseSelection.schema)),
            .get(
                "/source/user_course/current_courses_info", "已购项目及已选课程",
                data: .array(CurrentCoursesEntry.schema)),
            .get("/source/user_course/my_scores", "我的成绩（按选课 id 升序）", data: .array(MyScoreItem.schema)),
            .get(
                "/source/user_course/student_confirm_course", "审课状态：已购项目及已选课程",
                data: .array(UserCourseAPI.entry(UserCourseAPI.reviewItem, named: "CourseReviewEntry"))),
            .put(
                "/source/user_course/student_confirm_course", "上传审课图片（待上传 → 待审核）",
                notes: UserCourseAPI.imageNotes, body: SummerSchemas.fields(CourseReviewUpload.schema)),
            .get(
                "/source/user_course/course_credit_switch", "学分转换状态：已购项目及已选课程",
                data: .array(UserCourseAPI.entry(UserCourseAPI.creditItem, named: "CreditTransferEntry"))),
            .put(
                "/source/user_course/course_credit_switch", "上传学分转换结果及证明（审课通过且成绩单已寄出或学校已收到）",
                notes: UserCourseAPI.imageNotes, body: SummerSchemas.fields(CreditTransferUpload.schema)),
        ]
    }
}

/// Documentation pieces of the selection module.
enum UserCourseAPI {
    static let imageNotes = "图片为 multipart 文件，或 base64 文本（可带 data URL 头）；JPEG、PNG 或 GIF；请求体最大 10 MiB。"

    /// S23/S25 entry around one kind of course item.
    static func entry(_ item: Schema, named name: String) -> Schema {
        Schema.object([
            "project": .object(["id": .integer, "name": Schema.string.orNull]),
            "order": .object(["id": .integer]),
            "chart_id": Schema.integer.describe("购物车项 id"),
            "current_courses": .array(item),
        ]).named(name)
    }

    static let reviewItem = CurrentCourseItem.schema.adding([
        "status": ChoiceSet.userCourseStatus.renderedSchema.orNull,
        "confirm_img": Schema.string.orNull.describe("审课图片 URL"),
    ]).named("CourseReviewItem")

    static let creditItem = CurrentCourseItem.schema.adding([
        "credit_switch_status": ChoiceSet.creditSwitchStatus.renderedSchema.orNull,
        "switch_img": Schema.string.orNull.describe("学分转换证明图片 URL"),
    ]).named("CreditTransferItem")

    /// A proof image: a multipart file or base64 text.
    static let image = Schema.anyOf([
        Schema.string.describe("base64（可带 data URL 头）"),
        Schema.string.with("contentMediaType", .string("application/octet-stream")).describe("multipart 文件"),
    ])
}

extension UserCourseRawItem {
    static let schema = Schema.object(["id": .integer, "order": Schema.integer.describe("订单 id")]).named("UserCourseRaw")
}

extension CurrentCourseItem {
    static let schema = Schema.object([
        "id": Schema.integer.describe("课程 id"),
        "course_code": .string,
        "name": .string,
        "professor": .string,
        "start_time": .date,
        "end_time": .date,
        "address": .string,
    ]).named("SelectedCourse")
}

extension CurrentCoursesEntry {
    static let schema = Schema.object([
        "project": .object(["id": .integer, "name": Schema.string.orNull]),
        "order": .object(["id": .integer]),
        "chart_id": Schema.integer.describe("购物车项 id"),
        "current_courses": .array(CurrentCourseItem.schema),
        "course_num": Schema.integer.describe("购买的课程数量"),
        "current_course_num": Schema.integer.describe("已选课程数量"),
    ]).named("CurrentCoursesEntry")
}

extension MyScoreItem {
    static let schema = Schema.object([
        "id": Schema.integer.describe("选课记录 id"),
        "course": CatalogCourse.schema,
        "score": .integer,
        "score_grade": Schema.string.orNull,
        "reporting_time": SummerSchemas.time.orNull,
    ]).named("MyScore")
}

extension CourseSelection {
    static let schema = Schema.object([
        "order": Schema.integer.describe("本人已确认的订单 id"),
        "chart_id": Schema.integer.describe("该订单的购物车项 id"),
        "course_ids": Schema.array(.integer).with("minItems", .int(1)).describe("该项目开设的课程 id，不能为空"),
    ]).named("CourseSelectionInput")
}

extension CourseReviewUpload {
    static let schema = Schema.object([
        "chart_id": Schema.integer.describe("购物车项 id"),
        "course": Schema.integer.describe("课程 id"),
        "order": Schema.integer.describe("本人已确认的订单 id"),
        "confirm_img": UserCourseAPI.image,
    ]).named("CourseReviewUploadInput")
}

extension CreditTransferUpload {
    static let schema = Schema.object([
        "chart_id": Schema.integer.describe("购物车项 id"),
        "course": Schema.integer.describe("课程 id"),
        "order": Schema.integer.describe("本人已确认的订单 id"),
        "switch_img": UserCourseAPI.image,
        "credit_switch_status": Schema.choice(["SUCCESS": "学分转换成功", "FAILURE": "学分转换失败"]),
    ]).named("CreditTransferUploadInput")
}
