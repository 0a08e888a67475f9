import Hummingbird
import RegistrarCore
import SQLKit

/// §2.2: staff info/add/update/delete, with the role gate of §5 and the manages relation of §1.12.
struct StaffRoutes: TutoringRouteModule {
    let database: RegistrarDatabase
    let passwords: Passwords

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/staff/info") { request, _ in try await info(request) }
        routes.post("/admin/staff/add", access: .managers) { request, me in try await add(request, me) }
        routes.put("/admin/staff/update") { request, me in try await update(request, me) }
        routes.delete("/admin/staff/delete", access: .managers) { request, me in try await delete(request, me) }
    }

    static let columns = "id, name, phone, password_hash, role, create_time"

    func info(_ request: Request) async throws -> Envelope<[StaffItem]> {
        let input = try await TutoringInput.read(request)
        let staffID = try input.id("staffID", "员工ID", .optional)
        let role = try input.role("roler", "职位角色")
        let sql = database.sql
        if let staffID { try await LiveRow.require(.staff, id: staffID, field: "staffID", on: sql) }
        // Only the supplied filters become conditions, so each can use its index.
        var query = sql.select().column(SQLQueryString(Self.columns)).from("tutoring_staff")
            .where(SQLQueryString("deleted_at IS NULL"))
        if let staffID { query = query.where("id", .equal, SQLBind(staffID)) }
        if let role { query = query.where("role", .equal, SQLBind(role.rawValue)) }
        let rows = try await query.orderBy("id", .descending).all(decoding: StaffRow.self)
        return Success.data(rows.map { StaffItem($0, includesCreateTime: true) })
    }

    func add(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let name = try input.requiredName("name", "用户名")
        let password = try input.password("password", "用户密码")
        let again = try input.secret("repassword", "确认密码")
        let phone = try input.requiredPhone("phone", "手机号码")
        let role = try input.requiredRole("roler", "员工角色")
        guard again == password else { throw AppError(code: 400, msg: "两次输入的密码不一致", fieldName: "repassword") }
        guard me.role.manages(role) else { throw AppError(code: 403, msg: "无权添加该角色的员工", fieldName: "roler") }

        _ = try await NewStaff(name: name, phone: phone, password: password, role: role).insert(into: database, passwords: passwords)
        return Success.none()
    }

    func update(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let staffID = try input.requiredID("staffID", "员工ID")
        let name = try input.name("name", "用户名", .nonEmpty)
        let phone = try input.phone("phone", "手机号码", .nonEmpty)
        let role = try input.role("roler", "员工角色")

        try await StaffUniqueness.writing(name: name, phone: phone, excluding: staffID, database: database) { sql in
            let target = try await LiveRow.fetch(.staff, id: staffID, field: "staffID", as: StaffRow.self, on: sql)
            let isSelf = target.id == me.id
            if !isSelf && !me.role.manages(target.role) {
                throw AppError(code: 403, msg: "无权修改该员工", fieldName: "staffID")
            }
            if let role, role != target.role {
                if isSelf { throw AppError(code: 403, msg: "不能修改自己的角色", fieldName: "roler") }
                if !me.role.changesRoles {
                    throw AppError(code: 403, msg: "只有超级管理员或总经理可以修改角色", fieldName: "roler")
                }
                if !me.role.manages(role) { throw AppError(code: 403, msg: "无权设置该角色", fieldName: "roler") }
            }
            try await StaffUniqueness.check(name: name, phone: phone, excluding: staffID, on: sql)
            var changes = RowChanges()
            changes.set("name", name)
            changes.set("phone", phone)
            changes.set("role", role?.rawValue)
            try await changes.apply(to: .staff, id: staffID, at: TutoringClock.now(), on: sql)
        }
        return Success.none()
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let staffID = try input.requiredID("staffID", "员工ID")
        try await database.transaction { sql in
            let target = try await LiveRow.fetch(.staff, id: staffID, field: "staffID", as: StaffRow.self, on: sql)
            if target.id == me.id { throw AppError(code: 403, msg: "不能删除自己", fieldName: "staffID") }
            if !me.role.manages(target.role) { throw AppError(code: 403, msg: "无权删除该员工", fieldName: "staffID") }
            guard try await LiveRow.softDelete(.staff, id: staffID, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.staff.notFound("staffID")
            }
            try await Sessions.endAll(staffID: staffID, on: sql)
        }
        return Success.none()
    }
}
