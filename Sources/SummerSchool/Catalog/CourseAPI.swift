import RegistrarCore

extension CourseRoutes {
    var operations: [APIOperation] {
        let list = Schema.anyOf([SummerSchemas.page(CatalogCourse.schema), .array(CatalogCourse.schema)])
        return [
            .get(
                "/source/course", "课程列表（启用的，按 id 升序）", notes: "`pagination=false` 时 `data` 为不分页的数组。",
                query: [SummerSchemas.page, CatalogAPI.pagination], data: list),
            .post("/source/course", "创建课程", body: SummerSchemas.fields(CourseFields.schema), data: CatalogCourse.schema),
            .get(
                "/source/course/filter_elements", "筛选项：全部校区及其全部项目（含停用的）",
                data: .array(CourseFilterElements.schema)),
            .get("/source/course/{id}", "课程详情", data: CatalogCourse.schema),
            .put("/source/course/{id}", "修改课程（全部字段）", body: SummerSchemas.fields(CourseFields.schema), data: CatalogCourse.schema),
            .patch("/source/course/{id}", "修改课程（部分字段）", body: SummerSchemas.fields(CourseFields.schema.partial), data: CatalogCourse.schema),
            .get("/source/course/{id}/related_projects", "课程及开设它的项目（启用的）", data: CourseWithProjects.schema),
        ]
    }
}

extension CatalogCourse {
    static let schema = Schema.object([
        "id": .integer,
        "course_code": .string,
        "name": .string,
        "max_num": .integer,
        "credit": .integer,
        "create_time": SummerSchemas.time,
    ]).named("Course")
}

extension CourseWithProjects {
    static let schema = CatalogCourse.schema.adding(["related_projects": .array(CourseProjectLink.schema)]).named("CourseWithProjects")
}

extension CourseProjectLink {
    static let schema = Schema.object([
        "id": .integer,
        "course": Schema.integer.describe("课程 id"),
        "project": CatalogProject.schema,
        "create_time": SummerSchemas.time,
        "professor": .string,
        "start_time": .date,
        "end_time": .date,
        "address": .string,
    ]).named("CourseProjectWithProject")
}

extension CourseFilterElements {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "info": .string,
        "create_time": SummerSchemas.time,
        "project_set": .array(.object(["id": .integer, "name": Schema.string.orNull])),
    ]).named("CourseFilterCampus")
}

extension CourseFields {
    static let schema = Schema.object([
        "course_code": Schema.string.maxLength(30).describe("课程代码，全部课程中唯一"),
        "name": Schema.string.maxLength(255),
        "max_num": Schema.integer.minimum(0),
        "credit": Schema.integer.minimum(0),
    ]).named("CourseInput")
}
