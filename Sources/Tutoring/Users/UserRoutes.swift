import Hummingbird
import RegistrarCore
import SQLKit

/// §2.1: login, logout, and the caller's own profile and password.
struct UserRoutes {
    let app: TutoringApp

    func register(on router: Router<RegistrarContext>) {
        router.post("/admin/user/login") { request, _ in try await login(request) }
        router.get("/admin/user/logout") { request, _ in try await logout(request) }
        router.get("/admin/user/info") { request, _ in try await info(request) }
        router.put("/admin/user/update") { request, _ in try await update(request) }
        router.put("/admin/user/password") { request, _ in try await password(request) }
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
        let name = try input.text("name", "用户名", max: Int.max, .required)!
        let password = try input.secret("password", "密码")
        // §1.5: one transaction per attempt, serialised per name, so a burst tests at most five wrong
        // passwords and a correct one waits for the attempts ahead of it rather than being refused.
        let (staff, token) = try await LoginThrottle.tutoring.attempt(name: name, database: app.database) {
            sql -> LoginThrottle.Outcome<LoggedIn> in
            let staff = try await sql.raw("""
                SELECT id, name, phone, password_hash, role, create_time FROM tutoring_staff
                WHERE name = \(bind: name) AND deleted_at IS NULL
                """).first(decoding: StaffRow.self)
            // An unknown name still costs one bcrypt verification, so timing does not reveal which names exist.
            let verified = try await Passwords().verify(password, against: staff?.password_hash)
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
        SessionCookie.issue(token)
        return Success.data(LoginData(staffID: staff.id, name: staff.name, roler: Role.name(of: staff.role), rolerCode: staff.role, token: token))
    }

    func logout(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        try await Sessions.end(sessionID: me.sessionID, on: app.database.sql)
        SessionCookie.clear()
        return Success.none()
    }

    struct InfoData: Encodable, Sendable {
        let staffID: Int
        let name: String
        let phone: String
        let roler: String
        let rolerCode: Int
    }

    func info(_ request: Request) async throws -> Envelope<InfoData> {
        let me = try await app.auth.staff(request)
        return Success.data(InfoData(staffID: me.id, name: me.name, phone: me.phone, roler: me.roleName, rolerCode: me.role))
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        let input = try await TutoringInput.read(request)
        let name = try input.name("name", "用户名", .nonEmpty)
        let phone = try input.phone("phone", "手机号码", .nonEmpty)
        guard name != nil || phone != nil else { return Success.none() }
        try await StaffUniqueness.mapViolation(name: name, phone: phone, excluding: me.id, database: app.database) { sql in
            try await StaffUniqueness.check(name: name, phone: phone, excluding: me.id, on: sql)
            try await sql.raw("""
                UPDATE tutoring_staff SET name = COALESCE(\(bind: name), name), phone = COALESCE(\(bind: phone), phone),
                    update_time = \(bind: TutoringClock.now())
                WHERE id = \(bind: me.id)
                """).run()
        }
        return Success.none()
    }

    static let wrongOldPassword = AppError(code: 400, msg: "原密码错误", fieldName: "oldpassword")

    func password(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await app.auth.staff(request)
        let input = try await TutoringInput.read(request)
        let old = try input.secret("oldpassword", "旧密码")
        let new = try input.password("password", "新密码")
        let again = try input.secret("repassword", "确认新密码")
        guard again == new else { throw AppError(code: 400, msg: "两次输入的密码不一致", fieldName: "repassword") }

        struct Stored: Decodable { let password_hash: String }
        let stored = try await app.database.sql.raw("SELECT password_hash FROM tutoring_staff WHERE id = \(bind: me.id)")
            .first(decoding: Stored.self)
        guard try await Passwords().verify(old, against: stored?.password_hash) else {
            throw Self.wrongOldPassword
        }
        let hash = try await Passwords().hash(new)
        try await app.database.transaction { sql in
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
