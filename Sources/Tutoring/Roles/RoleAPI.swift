import RegistrarCore

extension RoleRoutes {
    var operations: [APIOperation] {
        [
            .get("/admin/roler", "获取角色", notes: "7 种固定角色，按 code 升序。", data: .array(RoleItem.schema)),
        ]
    }
}

extension RoleRoutes.RoleItem {
    static let schema = Schema.object(["code": StaffRole.codeSchema, "name": StaffRole.nameSchema]).named("Role")
}

/// Roles in answers (§1.12): `roler` is the Chinese name, `rolerCode` the code; requests send the code as `roler`.
extension StaffRole {
    static let codeSchema = Schema.choice([
        1: "超级管理员", 2: "总经理", 3: "销售主管", 4: "售后主管", 5: "销售专员", 6: "售后专员", 7: "财务人员",
    ])
    static let nameSchema = Schema.choice([
        "超级管理员": "角色 1", "总经理": "角色 2", "销售主管": "角色 3", "售后主管": "角色 4", "销售专员": "角色 5",
        "售后专员": "角色 6", "财务人员": "角色 7",
    ])
}
