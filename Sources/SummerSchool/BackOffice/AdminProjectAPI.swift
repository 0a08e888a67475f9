import RegistrarCore

extension AdminProjectRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/project", "项目列表（含停用项目，id 升序），附申请人数与缴费人数",
                notes: "`pagination=false`（不区分大小写）时返回全部项目的数组，`page` 被忽略。",
                query: [
                    SummerSchemas.page,
                    APIParameter("pagination", .string, "`false` 时不分页"),
                ],
                data: .anyOf([SummerSchemas.page(AdminProjectItem.schema), .array(AdminProjectItem.schema)])),
            .get("/admin/project/{id}", "项目详情，附申请人数与缴费人数", data: AdminProjectItem.schema),
        ]
    }
}

extension AdminProjectItem {
    static let schema = CatalogProject.schema.adding([
        "campus_name": .string,
        "applyed_num": .integer.minimum(0).describe("申请人数"),
        "payed_num": .integer.minimum(0).describe("缴费人数"),
    ]).named("AdminProject")
}
