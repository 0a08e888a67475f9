import RegistrarCore

extension CampusRoutes {
    var operations: [APIOperation] {
        [
            .get("/source/campus", "校区列表（启用的，按 id 升序）", query: [SummerSchemas.page], data: SummerSchemas.page(CatalogCampus.schema)),
            .post("/source/campus", "创建校区", notes: "名称不区分大小写唯一（停用的校区也算），重复时答 400。",
                  body: SummerSchemas.fields(CampusFields.schema), data: CatalogCampus.schema),
            .get("/source/campus/{id}", "校区详情", data: CatalogCampus.schema),
            .put("/source/campus/{id}", "修改校区（name、info 必填）", body: SummerSchemas.fields(CampusFields.schema), data: CatalogCampus.schema),
            .patch("/source/campus/{id}", "修改校区（部分字段）", body: SummerSchemas.fields(CampusFields.schema.partial), data: CatalogCampus.schema),
            .get("/source/campus/{id}/all_projects", "校区及其启用的项目", data: CampusWithProjects.schema),
        ]
    }
}

extension CatalogCampus {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "info": .string,
        "create_time": SummerSchemas.time,
        "network_course": .boolean.describe("是否网课"),
    ]).named("Campus")
}

extension CampusWithProjects {
    static let schema = CatalogCampus.schema.adding(["projects": .array(CatalogProject.schema)]).named("CampusWithProjects")
}

extension CampusFields {
    static let schema = Schema.object(
        [
            "name": Schema.string.maxLength(30).describe("校区名称，唯一"),
            "info": Schema.string.maxLength(100),
            "network_course": Schema.boolean.describe("是否网课；表单中省略即 false"),
        ], optional: ["network_course"]
    ).named("CampusInput")
}
