import Hummingbird
import RegistrarCore
import SQLKit

/// `POST /auth/user/login/` and `PUT /auth/user/logout/` (identity §4.2–4.3, decisions 5, 7, 10, 12, 40, D18).
struct LoginRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/auth/user/login", access: .open) { r in r.post(Self.login) }
        routes.collection("/auth/user/logout") { r in r.put(Self.logout) }
    }

    struct LoginData: Encodable, Sendable {
        let user_id: Int
        let ticket: String
        let role: String
        let need_complete_student_info: Bool
        let valid_sales_man: Bool
    }

    struct Account: Decodable {
        let id: Int
        let password: String?
        let role: String
        let is_active: Bool
    }

    /// Decision 40: five failed password logins per username (any letter case) within 900 s → 429.
    static let throttle = LoginThrottle(table: "summer_login_failure", lockSpace: 2, fieldName: "username")

    @Sendable static func login(_ call: SummerCall) async throws -> some ResponseGenerator {
        // Open to anonymous callers: bodies are held to the 1 MiB text limit, multipart included.
        let input = try await call.bodyReader(.create, policy: BodyPolicy.summer.textSized)
        let username = try input.string("username", max: 30, min: 6).required
        let password = try input.string("password", max: 30, min: 6).required
        let passwords = call.app.passwords

        // One transaction per attempt, serialised per username: the account is read, the password checked
        // and the ticket issued while the name's throttle lock is held.
        let data = try await throttle.attempt(name: username.lowercased(), database: call.database) { sql -> LoginThrottle.Outcome<LoginData> in
            // Decision 7: matched case-insensitively. Only WeChat students (openids) may differ from another
            // account by case alone (decision 33): an account with a password wins, then the exact spelling.
            guard let account = try await sql.raw("""
                SELECT id, password, role, is_active FROM summer_user WHERE LOWER(username) = LOWER(\(bind: username)) \
                ORDER BY CASE WHEN password IS NULL THEN 1 ELSE 0 END, CASE WHEN username = \(bind: username) THEN 0 ELSE 1 END, id \
                LIMIT 1
                """).first(decoding: Account.self)
            else {
                // An unknown name costs one bcrypt verification too, like a wrong password.
                _ = try await passwords.verify(password, against: nil)
                return .failure(AppError.rule("用户名不存在"))
            }
            guard try await passwords.verify(password, against: account.password) else {
                return .failure(AppError.rule("用户名或密码错误"))
            }
            guard account.is_active else { throw AppError.rule("该用户已被禁用") }
            // Decision 12: imported Django hashes are replaced at the first successful login.
            let rehash = try await account.password.flatMap(Passwords.needsRehash) == true ? passwords.hash(password) : nil
            let ticket = try await openSession(account, rehash: rehash, on: sql)
            // Decision 5: computed flags for students; staff need nothing.
            var needComplete = false
            var hasConsultant = true
            if account.role == Role.student.rawValue {
                needComplete = try await ProfileRow.find(userID: account.id, on: sql)?.needsCompletion ?? true
                hasConsultant = try await ConsultantAssignment.current(userID: account.id, on: sql) != nil
            }
            return .success(LoginData(
                user_id: account.id, ticket: ticket, role: account.role,
                need_complete_student_info: needComplete, valid_sales_man: hasConsultant))
        }
        return WithHeaders(Reply.ok(data, msg: "登录成功"), setCookie: Tickets.cookie(data.ticket, secure: call.usesHTTPS))
    }

    /// Records the login and issues a ticket, inside the login's transaction, only while the account still
    /// has the hash the password was verified against: a password reset racing the login wins (no session
    /// on the old password, no rehash overwriting the new one). A ticket of a deactivated account is inert.
    static func openSession(_ account: Account, rehash: String?, on sql: any SQLDatabase) async throws -> String {
        let now = SummerTime.now()
        struct ID: Decodable { let id: Int }
        let current = try await sql.raw("""
            UPDATE summer_user SET last_login = \(bind: now), password = \(bind: rehash ?? account.password) \
            WHERE id = \(bind: account.id) AND password = \(bind: account.password) RETURNING id
            """).first(decoding: ID.self)
        guard current != nil else { throw AppError.rule("用户名或密码错误") }
        return try await Tickets.issue(userID: account.id, on: sql, now: now)
    }

    @Sendable static func logout(_ call: SummerCall) async throws -> some ResponseGenerator {
        if let ticket = call.ticket { try await Tickets.revoke(ticket, on: call.sql) }
        return WithHeaders(Reply.message("退出登录成功"), setCookie: Tickets.expiredCookie(secure: call.usesHTTPS))
    }
}
