import RegistrarCore

extension CartRoutes {
    var operations: [APIOperation] {
        [
            .get("/order/shopping_chart", "我的购物车（新添加的，按 id 升序）", query: [SummerSchemas.page], data: SummerSchemas.page(CartItem.schema)),
            .post(
                "/order/shopping_chart", "加入购物车", notes: "费用取项目当前的课程费用表；没有对应课程数量的费用时答 400。",
                body: SummerSchemas.fields(CartFields.schema), data: CartItem.schema),
            .get("/order/shopping_chart/{id}", "购物车项详情", data: CartItem.schema),
            .put("/order/shopping_chart/{id}", "修改购物车项（全部字段）", body: SummerSchemas.fields(CartFields.schema), data: CartItem.schema),
            .patch(
                "/order/shopping_chart/{id}", "修改购物车项（部分字段，未传的保留原值）",
                body: SummerSchemas.fields(CartFields.schema.partial), data: CartItem.schema),
            .delete("/order/shopping_chart/{id}", "删除购物车项", data: SummerSchemas.null),
        ]
    }
}

extension CartItem {
    static let schema = Schema.object([
        "id": .integer,
        "project": CatalogProject.schema,
        "course_num": .integer,
        "course_fee": SummerSchemas.money.describe("加入时的课程费用"),
        "create_time": SummerSchemas.time,
        "stu_score_detail": ScoreDetailRoutes.Record.schema,
    ]).named("CartItem")
}

extension CartFields {
    static let schema = Schema.object([
        "project": Schema.integer.describe("项目 id"),
        "course_num": Schema.integer.minimum(0).describe("课程数量，须在项目的课程费用表中"),
        "stu_score_detail": Schema.integer.describe("本人的成绩单邮寄地址 id"),
    ]).named("CartItemInput")
}
