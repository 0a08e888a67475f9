import RegistrarCore

extension StaffRoutes {
    var operations: [APIOperation] {
        let delete = TutoringValues.deleteTarget("staffID", "员工ID", body: "StaffTarget")
        return [
            .get(
                "/admin/staff/info", "查询员工", notes: "筛选条件同时满足；不带条件时为全部在职员工，按 staffID 降序。",
                query: [
                    TutoringValues.query("staffID", TutoringValues.id, "员工ID；不存在为 404"),
                    TutoringValues.query("roler", StaffRole.codeSchema, "职位角色"),
                ],
                data: .array(StaffItem.schema), errors: [404]),
            .post(
                "/admin/staff/add", "添加员工",
                notes: "只能添加自己管理的角色（1→1–7，2→3–7，3→5，4→6），否则 403；用户名或手机号已被使用为 409。",
                body: TutoringSchemas.fields(Self.addBody), errors: [409]),
            .put(
                "/admin/staff/update", "更改员工",
                notes: "可修改自己的用户名和手机号；修改他人需管理其当前角色；只有超级管理员和总经理可改角色，且不能改自己的。",
                body: TutoringSchemas.fields(Self.updateBody), errors: [403, 404, 409]),
            .delete(
                "/admin/staff/delete", "删除员工", notes: "软删除并结束其全部会话；不能删除自己，只能删除自己管理的角色。",
                query: delete.query, body: delete.body, errors: [404]),
        ]
    }

    static let addBody = Schema.object([
        "name": TutoringValues.name.describe("用户名"),
        "password": TutoringValues.password.describe("用户密码"),
        "repassword": TutoringValues.secret.describe("确认密码，须与 password 相同"),
        "phone": TutoringValues.phone.describe("手机号码"),
        "roler": StaffRole.codeSchema,
    ]).named("StaffInput")

    static let updateBody = Schema.object(
        [
            "staffID": TutoringValues.id.describe("员工ID"),
            "name": TutoringValues.name.describe("用户名"),
            "phone": TutoringValues.phone.describe("手机号码"),
            "roler": StaffRole.codeSchema,
        ], optional: ["name", "phone", "roler"]
    ).named("StaffUpdateInput")
}

extension StaffItem {
    /// staff/info items always carry `createTime`.
    static let schema = Schema.object([
        "staffID": TutoringValues.storedID,
        "name": .string,
        "phone": TutoringValues.storedPhone,
        "roler": StaffRole.nameSchema,
        "rolerCode": StaffRole.codeSchema,
        "createTime": TutoringValues.time,
    ]).named("Staff")
}
