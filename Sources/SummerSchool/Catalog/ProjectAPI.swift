import RegistrarCore

extension ProjectRoutes {
    var operations: [APIOperation] {
        let list = Schema.anyOf([SummerSchemas.page(CatalogProject.schema), .array(CatalogProject.schema)])
        let body = SummerSchemas.fields(ProjectFields.schema)
        return [
            .get(
                "/source/project", "项目列表（启用的，按 id 升序）", notes: "`pagination=false` 时 `data` 为不分页的数组。",
                query: [SummerSchemas.page, CatalogAPI.pagination], data: list),
            .post("/source/project", "创建项目及其课程费用表", body: body, data: CatalogProject.schema),
            .get("/source/project/{id}", "项目详情", data: CatalogProject.schema),
            .put(
                "/source/project/{id}", "修改项目（全部字段）", notes: "非空的 project_fees 整表替换费用表；空列表保留原表。",
                body: body, data: CatalogProject.schema),
            .patch(
                "/source/project/{id}", "修改项目（部分字段）", notes: "非空的 project_fees 整表替换费用表。",
                body: SummerSchemas.fields(ProjectFields.schema.partial), data: CatalogProject.schema),
            .get("/source/project/{id}/related_courses", "项目开设的课程（启用的）", data: .array(CatalogCourse.schema)),
            .put(
                "/source/project/{id}/project_course_fee", "整表替换项目的课程费用表",
                body: SummerSchemas.fields(ProjectFees.schema), data: CatalogProject.schema),
        ]
            + CatalogAPI.refusals("/source/project", [.put, .patch, .delete])
            + CatalogAPI.refusals("/source/project/{id}", [.post, .delete])
            + CatalogAPI.refusals("/source/project/{id}/related_courses", [.post, .put, .patch, .delete])
    }
}

extension CatalogProject {
    static let schema = Schema.object([
        "id": .integer,
        "campus": CatalogCampus.schema,
        "name": Schema.string.orNull,
        "start_date": .date,
        "end_date": .date,
        "address": Schema.string.orNull,
        "info": Schema.string.orNull,
        "create_time": SummerSchemas.time,
        "apply_fee": SummerSchemas.money.orNull.describe("报名费"),
        "course_num": .integer.describe("最多可选课程数"),
        "project_course_fee": .array(CatalogCourseFee.schema).describe("课程数量 → 费用，按 course_number 升序"),
    ]).named("Project")
}

extension CatalogCourseFee {
    static let schema = Schema.object([
        "id": .integer,
        "course_number": .integer,
        "course_fee": SummerSchemas.money,
        "course_info": .string.describe("`<course_number>门`"),
    ]).named("ProjectCourseFee")
}

extension ProjectFees {
    /// One row of `project_fees` as sent.
    static let item = Schema.object([
        "course_number": Schema.integer.minimum(1),
        "course_fee": SummerSchemas.moneyInput.describe("费用，≥ 0"),
    ]).named("ProjectFeeInput")

    static let list = Schema.array(item).describe("课程费用表：course_number 恰为 1…n，各一行；不能为空")

    /// S11's body.
    static let schema = Schema.object(["project_fees": list]).named("ProjectFeesInput")
}

extension ProjectFields {
    static let schema = Schema.object(
        [
            "campus": Schema.integer.describe("校区 id"),
            "name": Schema.string.maxLength(30).orNull,
            "start_date": Schema.date,
            "end_date": Schema.date,
            "address": Schema.string.maxLength(100).orNull,
            "info": Schema.string.maxLength(255).orNull,
            "apply_fee": Schema.anyOf([SummerSchemas.moneyInput, SummerSchemas.null]).describe("报名费，≥ 0，可为 null"),
            "course_num": Schema.integer.minimum(0),
            "project_fees": ProjectFees.list,
        ], optional: ["name", "address", "info", "apply_fee"]
    ).named("ProjectInput")
}
