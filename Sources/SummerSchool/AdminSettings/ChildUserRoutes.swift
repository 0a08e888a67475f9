import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/child_user/...` (identity spec §9.2): staff accounts. ADMIN-only; students are never listed or
/// found here; no DELETE.
struct ChildUserRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/child_user", access: .admin) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/admin/child_user/{id}", access: .admin) { r in
            r.get { call in Reply.ok(ChildUserItem(try await Self.find(try call.pathID(), on: call.sql))) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
        }
        routes.item("/admin/child_user/{id}/update_password", access: .admin) { r in
            r.put { call in try await Self.updatePassword(call) }
        }
    }

    static let staffRoles = Role.allCases.filter(\.isStaff).map(\.rawValue)

    static func list(_ call: SummerCall) async throws -> LinkedPage<ChildUserItem> {
        let query = PagedQuery(
            // `role IN (staff roles)` rather than `<> STUDENT`: the (role, id) index then reads only staff rows.
            filter: { $0.from("summer_user").where("role", .in, SQLBind.group(staffRoles)) },
            select: { $0.column(SQLRaw(ChildUserRow.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: ChildUserRow.self) { $0.map(ChildUserItem.init) }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> ChildUserRow {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: ChildUserRow.columns) FROM summer_user \
            WHERE id = \(bind: id) AND role <> \(bind: Role.student.rawValue)
            """).first(decoding: ChildUserRow.self)
        else { throw AppError.notFound }
        return row
    }

    /// Hashes the password, inserts in one transaction, then stores the permanent WeChat QR code of scene
    /// `child_user_<id>` (`""` if WeChat fails), requested outside the transaction.
    static func create(_ call: SummerCall) async throws -> ChildUserItem {
        let fields = try await ChildUserFields(try await call.bodyReader(.create), on: call.sql)
        let hash = try await call.app.passwords.hash(fields.password.required)
        let now = SummerTime.now()
        var row = try await uniqueUsername {
            try await call.database.transaction { sql in
                let account = NewAccount(
                    username: try fields.username.required, password: hash, name: fields.name.value, role: try fields.role.required,
                    isActive: fields.isActive.value ?? true, createTime: now)
                let id = try await sql.insertRow(account, into: "summer_user")
                return try await find(id, on: sql)
            }
        }
        row.qr_code = try await PermanentQRCode.attach(to: "summer_user", id: row.id, scene: "child_user_\(row.id)", call: call)
        return ChildUserItem(row)
    }

    /// PUT and PATCH. A new password is hashed (D4) and ends the account's other sessions (D6);
    /// deactivation ends all of them (D3). The QR code stays.
    static func update(_ call: SummerCall) async throws -> ChildUserItem {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let fields = try await ChildUserFields(try await call.bodyReader(call.writeMode), on: call.sql, excluding: id)
        var hash: String?
        if let password = fields.password.value { hash = try await call.app.passwords.hash(password) }
        let keeping = call.ticket
        let row = try await uniqueUsername {
            try await call.database.transaction { [hash] sql in
                let update = sql.patch("summer_user", id: id)
                    .set("name", ifSent: fields.name)
                    .set("username", ifSent: fields.username)
                    .set("is_active", ifSent: fields.isActive)
                    .set("role", ifSent: fields.role)
                if let hash { update.set("password", to: SQLBind(hash)) }
                try await update.run()
                if fields.isActive.value == false {
                    // Deactivation ends every session of the account at once (D3), also once it is reactivated.
                    try await Tickets.revokeAll(userID: id, keeping: nil, on: sql)
                } else if hash != nil {
                    try await Tickets.revokeAll(userID: id, keeping: keeping, on: sql)
                }
                return try await find(id, on: sql)
            }
        }
        return ChildUserItem(row)
    }

    static let badPassword = "请传入正确的password"
    static let shortPassword = "密码必须大于6位"

    /// `PUT /admin/child_user/{id}/update_password/` (§9.2.6): checks with field_name `""`.
    static func updatePassword(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let input = try await call.body()
        let sent: String?
        switch input["password"] {
        case .json(.string(let text))?: sent = text
        case .text(let values)?: sent = values.last
        default: sent = nil
        }
        guard let password = sent?.trimmingCharacters(in: .whitespacesAndNewlines), !password.isEmpty else {
            throw AppError.check(badPassword)
        }
        // Decision 41: lengths in code points, as everywhere else; the contract's length messages carry no field.
        switch PasswordRule.violation(of: password, length: 6...30) {
        case .tooShort?: throw AppError.check(shortPassword)
        case .tooLong?: throw AppError.check(FieldMessage.maxLength(30))
        case let violation?: throw AppError.field("password", FieldMessage.password(violation))
        case nil: break
        }
        let hash = try await call.app.passwords.hash(password)
        let keeping = call.ticket
        try await call.database.transaction { sql in
            try await sql.raw("UPDATE summer_user SET password = \(bind: hash) WHERE id = \(bind: id)").run()
            try await Tickets.revokeAll(userID: id, keeping: keeping, on: sql)
        }
        return Reply.message("密码修改成功")
    }

    static func uniqueUsername<T>(_ work: () async throws -> T) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation(work, to: { AppError.field("username", ChildUserFields.usernameTaken) })
    }
}
