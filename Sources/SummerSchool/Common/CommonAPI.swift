import RegistrarCore

extension CommonRoutes {
    var operations: [APIOperation] {
        [
            .get("/common/campus", "校区列表（含停用的，按 id）", query: [SummerSchemas.page], data: SummerSchemas.page(CampusItem.schema)),
            .get("/common/navigation", "后台导航菜单（一级菜单及其二级菜单）", data: .array(NavigationEntry.schema)),
            .get(
                "/common/global_enums", "全部可选枚举（常量）", notes: "以 `/common/global_enums` 开头的任何路径都答同样的内容。",
                data: GlobalEnums.schema),
        ]
    }
}

extension CampusItem {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "info": .string,
        "create_time": SummerSchemas.time,
    ]).named("CommonCampus")
}

extension NavigationEntry {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "key": .string,
        "second_levels": .array(.object(["id": .integer, "name": .string, "key": .string])),
    ]).named("NavigationEntry")
}

extension GlobalEnums {
    /// Every member, each a list of `{key, verbose}` in the order the server writes them.
    static let schema = Schema.type("object")
        .with("properties", .object(members.map { ($0.name, ["type": "array", "items": ChoiceSchemas.renderedJSON($0.choices)]) }))
        .with("required", .array(members.map { .string($0.name) }))
        .named("GlobalEnums")
}
