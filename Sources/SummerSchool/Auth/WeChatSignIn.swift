import Hummingbird
import RegistrarCore
import SQLKit

/// WeChat sign-in (identity §3.3, D15, D26) and its two endpoints, `check_account` and `assign_sales_man`
/// (identity §4.4, §4.6, D19).
struct WeChatSignIn: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/auth/user/check_account", access: .open) { r in r.get(Self.checkAccount) }
        routes.collection("/auth/user/assign_sales_man", access: .open) { r in r.get(Self.assignSalesMan) }
    }

    static let wechatFailure = AppError.check("无效的code值, 微信网页认证失败")

    struct SignedIn: Sendable {
        let userID: Int
        let ticket: String
        let profile: ProfileRow
        let consultant: ConsultantAssignment.ConsultantRow?
    }

    /// The `code` query parameter: required, not blank, at most 100 characters.
    static func code(_ call: SummerCall) throws -> String {
        try FieldReader(call.query(), mode: .create).string("code", max: 100).required
    }

    /// Steps 1–6 of §3.3: WeChat calls first (outside the transaction), then one transaction for the user,
    /// ticket, profile and consultant link.
    static func signIn(code: String, call: SummerCall) async throws -> SignedIn {
        let session: WeChatSession
        let info: WeChatUserInfo
        do {
            guard let exchanged = try await call.wechat.exchangeCode(code) else { throw wechatFailure }
            session = exchanged
            info = try await call.wechat.userInfo(accessToken: session.accessToken, openid: session.openid)
        } catch let error as AppError {
            throw error
        } catch {
            call.logger.warning("WeChat sign-in failed: \(String(reflecting: error))", metadata: ["rid": .string(call.context.requestID)])
            throw wechatFailure
        }
        do {
            return try await persist(session: session, info: info, on: call.database)
        } catch where RegistrarDatabase.isConstraintViolation(error) {
            // A concurrent first sign-in of the same openid: the retry finds the account it created.
            do {
                return try await persist(session: session, info: info, on: call.database)
            } catch where RegistrarDatabase.isConstraintViolation(error) {
                throw wechatFailure
            }
        }
    }

    struct UserRow: Decodable {
        let id: Int
        let role: String
        let is_active: Bool
    }

    static func persist(session: WeChatSession, info: WeChatUserInfo, on database: RegistrarDatabase) async throws -> SignedIn {
        try await database.transaction { sql in
            let now = SummerTime.now()
            // Decision 33: WeChat users are found by their openid exactly.
            var user = try await sql.raw("SELECT id, role, is_active FROM summer_user WHERE username = \(bind: session.openid)")
                .first(decoding: UserRow.self)
            if user == nil {
                // D26 with decision 7: an openid that is a staff username in another letter case is refused too.
                // Other students may differ from it by case alone (openids are case-sensitive).
                if try await sql.raw("""
                    SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: session.openid)) AND role <> \(bind: Role.student.rawValue)
                    """).first() != nil {
                    throw wechatFailure
                }
                user = try await sql.raw("""
                    INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) \
                    VALUES (\(bind: session.openid), \(bind: String?.none), \(bind: String?.none), \(bind: Role.student.rawValue), \
                    \(bind: true), \(bind: false), \(bind: now)) RETURNING id, role, is_active
                    """).first(decoding: UserRow.self)
            }
            guard let user else { throw AppError.serverFault }
            guard user.is_active else { throw AppError.check("该用户已被禁用") }
            guard user.role == Role.student.rawValue else { throw wechatFailure }

            let ticket = try await Tickets.issue(userID: user.id, on: sql, now: now)
            try await sql.raw("UPDATE summer_user SET last_login = \(bind: now) WHERE id = \(bind: user.id)").run()

            if try await ProfileRow.find(userID: user.id, on: sql) == nil {
                try await sql.raw("""
                    INSERT INTO summer_student_info (user_id, name, email, wechat, cschool, wcampus, create_time, phone, valid_sales_man) \
                    VALUES (\(bind: user.id), '', '', '', '', '', \(bind: now), '', \(bind: false))
                    """).run()
            }
            try await sql.raw("""
                UPDATE summer_student_info SET openid = \(bind: session.openid), unionid = \(bind: info.unionid), \
                headimgurl = \(bind: info.headimgurl), wx_name = \(bind: info.nickname.map { String($0.prefix(30)) }), \
                create_time = \(bind: now) WHERE user_id = \(bind: user.id)
                """).run()
            let consultant = try await ConsultantAssignment.assign(userID: user.id, on: sql)
            let profile = try await ProfileRow.require(userID: user.id, on: sql)
            return SignedIn(userID: user.id, ticket: ticket, profile: profile, consultant: consultant)
        }
    }

    struct CheckAccountData: Encodable, Sendable {
        let need_complete_student_info: Bool
        let user_id: Int
        let ticket: String
        let valid_sales_man: Bool
    }

    @Sendable static func checkAccount(_ call: SummerCall) async throws -> some ResponseGenerator {
        let code = try code(call)
        let data: CheckAccountData
        // D19: a valid ticket of a user with a profile needs no WeChat call.
        if let user = call.user, let ticket = call.ticket, let profile = try await ProfileRow.find(userID: user.id, on: call.sql) {
            data = CheckAccountData(
                need_complete_student_info: profile.needsCompletion, user_id: user.id, ticket: ticket,
                valid_sales_man: profile.valid_sales_man)
        } else {
            let signedIn = try await signIn(code: code, call: call)
            data = CheckAccountData(
                need_complete_student_info: signedIn.profile.needsCompletion, user_id: signedIn.userID,
                ticket: signedIn.ticket, valid_sales_man: signedIn.profile.valid_sales_man)
        }
        return WithHeaders(Reply.ok(data), setCookie: Tickets.cookie(data.ticket, secure: call.usesHTTPS))
    }

    @Sendable static func assignSalesMan(_ call: SummerCall) async throws -> some ResponseGenerator {
        let signedIn = try await signIn(code: try code(call), call: call)
        // The new ticket travels only in the cookie here.
        return WithHeaders(
            Reply.ok(ConsultantAssignment.view(signedIn.consultant, call: call)),
            setCookie: Tickets.cookie(signedIn.ticket, secure: call.usesHTTPS))
    }
}
