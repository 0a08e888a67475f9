import Foundation
import Hummingbird
import RegistrarCore
import SQLKit

/// Session authentication (§1.5): a `tutoring_sid` cookie or `Authorization: Bearer`, checked against
/// `tutoring_session` (SHA-256 of the token) on every request, with a 7-day idle expiry.
public struct TutoringAuth: Sendable {
    public static let idleLimit = 604_800
    /// `last_seen_time` is refreshed at most this often, to spare a write per request.
    public static let refreshInterval = 60

    public static let notLoggedIn = AppError(code: 401, msg: "请先登录")
    public static let expired = AppError(code: 401, msg: "登录已过期，请重新登录")

    let database: RegistrarDatabase
    let cookie: SessionCookie

    public init(database: RegistrarDatabase, cookie: SessionCookie) {
        self.database = database
        self.cookie = cookie
    }

    /// The live staff member behind the request's session, or 401. A cookie-authenticated response
    /// re-issues the cookie (see `SessionCookie`).
    public func staff(_ request: Request) async throws -> CurrentStaff {
        guard let credential = Self.credential(of: request) else { throw Self.notLoggedIn }
        struct Row: Decodable {
            let session_id: Int
            let last_seen_time: Int
            let staff_id: Int
        }
        let sql = database.sql
        let hash = SecureToken.sha256Hex(credential.token)
        let found = try await sql.raw("""
            SELECT s.id AS session_id, s.last_seen_time, s.staff_id, st.name, st.phone, st.role
            FROM tutoring_session s JOIN tutoring_staff st ON st.id = s.staff_id
            WHERE s.token_hash = \(bind: hash) AND st.deleted_at IS NULL
            """).first()
        guard let found else { throw Self.notLoggedIn }
        let row = try found.decode(model: Row.self)
        let now = TutoringClock.now()
        if now - row.last_seen_time > Self.idleLimit {
            try await sql.raw("DELETE FROM tutoring_session WHERE id = \(bind: row.session_id)").run()
            throw Self.expired
        }
        if now - row.last_seen_time >= Self.refreshInterval {
            try await sql.raw("UPDATE tutoring_session SET last_seen_time = \(bind: now) WHERE id = \(bind: row.session_id)").run()
        }
        if credential.fromCookie { cookie.issue(credential.token) }
        return try found.decode(model: CurrentStaff.self)
    }

    struct Credential {
        let token: String
        let fromCookie: Bool
    }

    /// A Bearer header alone decides when present; a header of another scheme is ignored.
    static func credential(of request: Request) -> Credential? {
        for header in request.headers[values: .authorization] {
            let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            // `Bearer` without a token is still a Bearer header: it decides (401), no cookie fallback.
            if let scheme = parts.first, scheme.lowercased() == "bearer" {
                let token = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                return Credential(token: token, fromCookie: false)
            }
        }
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let item = pair.split(separator: "=", maxSplits: 1)
                if item.count == 2, item[0].trimmingCharacters(in: .whitespaces) == SessionCookie.name {
                    return Credential(token: item[1].trimmingCharacters(in: .whitespaces), fromCookie: true)
                }
            }
        }
        return nil
    }
}
