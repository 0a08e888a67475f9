import Hummingbird
import RegistrarCore
import SQLKit

/// §2.2: staff info/add/update/delete, with the role gate of §5 and the manages relation of §1.12.
struct StaffRoutes {
    let app: TutoringApp

    func register(on router: Router<RegistrarContext>) {
        router.get("/admin/staff/info") { request, _ in try await info(request) }
        router.post("/admin/staff/add") { request, _ in try await add(request) }
        router.put("/admin/staff/update") { request, _ in try await update(request) }
        router.delete("/admin/staff/delete") { request, _ in try await delete(request) }
        router.get("/admin/roler") { request, _ in try await roles(request) }
    }

    static let columns = "id, name, phone, password_hash, role, create_time"

    func info(_ request: Request) async throws -> Envelope<[StaffItem]> {
        _ = try await app.auth.staff(request)
        let input = try await TutoringInput.read(request)
        let staffID = try input.id("staffID", "员工ID", .optional)
        let role = try input.enumeration("roler", "职位角色", Role.codes)
        let sql = app.database.sql
        if let staffID { try await LiveRow.require(.staff, id: staffID, field: "staffID", on: sql) }
        // Only the supplied filters become conditions, so each can use its index.
        var query = sql.select().column(SQLQueryString(Self.columns)).from("tutoring_staff")
            .where(SQLQueryString("deleted_at IS NULL"))
        if let staffID { query = query.where("id", .equal, SQLBind(staffID)) }
        if let role { query = query.where("role", .equal, SQLBind(role)) }
        let rows = try await query.orderBy("id", .descending).all(decoding: StaffRow.self)
        return Success.data(rows.map { StaffItem($0, includesCreateTime: true) })
    }

    func add(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        try me.require(RoleGate.managers)
        let input = try await TutoringInput.read(request)
        let name = try input.name("name", "用户名", .required)!
        let password = try input.password("password", "用户密码")
        let again = try input.secret("repassword", "确认密码")
        let phone = try input.phone("phone", "手机号码", .required)!
        let role = try input.enumeration("roler", "员工角色", Role.codes, .required)!
        guard again == password else { throw AppError(code: 400, msg: "两次输入的密码不一致", fieldName: "repassword") }
        guard Role.manages(me.role, role) else { throw AppError(code: 403, msg: "无权添加该角色的员工", fieldName: "roler") }

        _ = try await NewStaff(name: name, phone: phone, password: password, role: role).insert(into: app.database)
        return Success.none()
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        let input = try await TutoringInput.read(request)
        let staffID = try input.requiredID("staffID", "员工ID")
        let name = try input.name("name", "用户名", .nonEmpty)
        let phone = try input.phone("phone", "手机号码", .nonEmpty)
        let role = try input.enumeration("roler", "员工角色", Role.codes)

        try await StaffUniqueness.mapViolation(name: name, phone: phone, excluding: staffID, database: app.database) { sql in
            let target = try await LiveRow.fetch(.staff, id: staffID, field: "staffID", as: StaffRow.self, on: sql)
            let isSelf = target.id == me.id
            if !isSelf && !Role.manages(me.role, target.role) {
                throw AppError(code: 403, msg: "无权修改该员工", fieldName: "staffID")
            }
            if let role, role != target.role {
                if isSelf { throw AppError(code: 403, msg: "不能修改自己的角色", fieldName: "roler") }
                if ![1, 2].contains(me.role) {
                    throw AppError(code: 403, msg: "只有超级管理员或总经理可以修改角色", fieldName: "roler")
                }
                if !Role.manages(me.role, role) { throw AppError(code: 403, msg: "无权设置该角色", fieldName: "roler") }
            }
            try await StaffUniqueness.check(name: name, phone: phone, excluding: staffID, on: sql)
            try await sql.raw("""
                UPDATE tutoring_staff SET name = COALESCE(\(bind: name), name), phone = COALESCE(\(bind: phone), phone),
                    role = COALESCE(\(bind: role), role), update_time = \(bind: TutoringClock.now())
                WHERE id = \(bind: staffID)
                """).run()
        }
        return Success.none()
    }

    func delete(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        try me.require(RoleGate.managers)
        let input = try await TutoringInput.read(request)
        let staffID = try input.requiredID("staffID", "员工ID")
        try await app.database.transaction { sql in
            let target = try await LiveRow.fetch(.staff, id: staffID, field: "staffID", as: StaffRow.self, on: sql)
            if target.id == me.id { throw AppError(code: 403, msg: "不能删除自己", fieldName: "staffID") }
            if !Role.manages(me.role, target.role) { throw AppError(code: 403, msg: "无权删除该员工", fieldName: "staffID") }
            guard try await LiveRow.softDelete(.staff, id: staffID, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.staff.notFound("staffID")
            }
            try await Sessions.endAll(staffID: staffID, on: sql)
        }
        return Success.none()
    }

    struct RoleItem: Encodable, Sendable {
        let code: Int
        let name: String
    }

    func roles(_ request: Request) async throws -> Envelope<[RoleItem]> {
        _ = try await app.auth.staff(request)
        return Success.data(Role.names.map { RoleItem(code: $0.code, name: $0.name) })
    }
}
