import Hummingbird
import RegistrarCore
import SQLKit

/// §2.1: login, logout, and the caller's own profile and password.
struct UserRoutes: TutoringRouteModule {
    let database: RegistrarDatabase
    let passwords: Passwords
    let cookie: SessionCookie

    func register(_ routes: TutoringRoutes) {
        routes.openRoute(.post, "/admin/user/login") { request in try await login(request) }
        routes.get("/admin/user/logout") { _, me in try await logout(me) }
        routes.get("/admin/user/info") { _, me in info(me) }
        routes.put("/admin/user/update") { request, me in try await update(request, me) }
        routes.put("/admin/user/password") { request, me in try await password(request, me) }
    }

    struct LoginData: Encodable, Sendable {
        let staffID: Int
        let name: String
        let roler: String
        let rolerCode: Int
        let token: String
    }

    struct LoggedIn: Sendable {
        let staff: StaffRow
        let token: String
        var pair: (StaffRow, String) { (staff, token) }
    }

    static let wrongCredentials = AppError(code: 400, msg: "用户名或密码错误", fieldName: "password")

    func login(_ request: Request) async throws -> Envelope<LoginData> {
        let input = try await TutoringInput.read(request)
        let name = try input.requiredText("name", "用户名", max: Int.max)
        let password = try input.secret("password", "密码")
        // §1.5: one transaction per attempt, serialised per name, so a burst tests at most five wrong
        // passwords and a correct one waits for the attempts ahead of it rather than being refused.
        let (staff, token) = try await LoginThrottle.tutoring.attempt(name: name, database: database) {
            sql -> LoginThrottle.Outcome<LoggedIn> in
            let staff = try await sql.raw("""
                SELECT id, name, phone, password_hash, role, create_time FROM tutoring_staff
                WHERE name = \(bind: name) AND deleted_at IS NULL
                """).first(decoding: StaffRow.self)
            // An unknown name still costs one bcrypt verification, so timing does not reveal which names exist.
            let verified = try await passwords.verify(password, against: staff?.password_hash)
            guard let staff, verified else { return .failure(Self.wrongCredentials) }
            // The staff row is locked and its hash re-checked, so a password change or delete that committed
            // meanwhile wins (its session sweep has already run), and one still to come waits for this
            // session and then ends it too.
            struct Current: Decodable { let password_hash: String }
            let current: Current
            do {
                current = try await LiveRow.fetch(.staff, id: staff.id, field: "password", as: Current.self, on: sql)
            } catch is AppError {
                return .failure(Self.wrongCredentials)
            }
            guard current.password_hash == staff.password_hash else { return .failure(Self.wrongCredentials) }
            return .success(LoggedIn(staff: staff, token: try await Sessions.open(staffID: staff.id, on: sql)))
        }.pair
        cookie.issue(token)
        return Success.data(LoginData(staffID: staff.id, name: staff.name, roler: staff.role.name, rolerCode: staff.role.rawValue, token: token))
    }

    func logout(_ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        try await Sessions.end(sessionID: me.sessionID, on: database.sql)
        cookie.clear()
        return Success.none()
    }

    struct InfoData: Encodable, Sendable {
        let staffID: Int
        let name: String
        let phone: String
        let roler: String
        let rolerCode: Int
    }

    func info(_ me: CurrentStaff) -> Envelope<InfoData> {
        Success.data(InfoData(staffID: me.id, name: me.name, phone: me.phone, roler: me.roleName, rolerCode: me.role.rawValue))
    }

    func update(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let name = try input.name("name", "用户名", .nonEmpty)
        let phone = try input.phone("phone", "手机号码", .nonEmpty)
        guard name != nil || phone != nil else { return Success.none() }
        try await StaffUniqueness.writing(name: name, phone: phone, excluding: me.id, database: database) { sql in
            try await StaffUniqueness.check(name: name, phone: phone, excluding: me.id, on: sql)
            var changes = RowChanges()
            changes.set("name", name)
            changes.set("phone", phone)
            try await changes.apply(to: .staff, id: me.id, at: TutoringClock.now(), on: sql)
        }
        return Success.none()
    }

    static let wrongOldPassword = AppError(code: 400, msg: "原密码错误", fieldName: "oldpassword")

    func password(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let old = try input.secret("oldpassword", "旧密码")
        let new = try input.password("password", "新密码")
        let again = try input.secret("repassword", "确认新密码")
        guard again == new else { throw AppError(code: 400, msg: "两次输入的密码不一致", fieldName: "repassword") }

        struct Stored: Decodable { let password_hash: String }
        let stored = try await database.sql.raw("SELECT password_hash FROM tutoring_staff WHERE id = \(bind: me.id)")
            .first(decoding: Stored.self)
        guard try await passwords.verify(old, against: stored?.password_hash) else {
            throw Self.wrongOldPassword
        }
        let hash = try await passwords.hash(new)
        try await database.transaction { sql in
            // bcrypt runs outside the transaction, so the write is conditional on the hash that was verified:
            // of two concurrent changes from the same old password only one succeeds (each would otherwise
            // end the other's session and leave the staff member logged out everywhere).
            struct Changed: Decodable { let id: Int }
            guard try await sql.raw("""
                UPDATE tutoring_staff SET password_hash = \(bind: hash), update_time = \(bind: TutoringClock.now())
                WHERE id = \(bind: me.id) AND password_hash = \(bind: stored?.password_hash ?? "") AND deleted_at IS NULL
                RETURNING id
                """).first(decoding: Changed.self) != nil
            else { throw Self.wrongOldPassword }
            try await Sessions.endAll(staffID: me.id, keeping: me.sessionID, on: sql)
        }
        return Success.none()
    }
}
