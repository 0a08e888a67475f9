import RegistrarCore

extension UserListRoutes {
    var operations: [APIOperation] {
        [.get("/auth/user", "全部账号列表", query: [SummerSchemas.page], data: SummerSchemas.page(Item.schema))]
    }
}

extension UserListRoutes.Item {
    static let schema = Schema.object([
        "id": .integer,
        "create_time": SummerSchemas.time,
        "name": Schema.string.orNull,
        "last_login": SummerSchemas.time.orNull,
        "username": .string,
        "is_superuser": .boolean,
        "role": ChoiceSet.role.keySchema(),
        "qr_code": Schema.string.orNull,
    ]).named("UserAccount")
}
