import Foundation
import Hummingbird
import RegistrarCore
import SQLKit

/// The caller as resolved from a ticket.
public struct SummerUser: Sendable, Decodable, Equatable {
    public var id: Int
    public var username: String
    public var name: String?
    /// The stored role key.
    public var role: String

    public var roleValue: Role? { Role(rawValue: role) }
    public var isStudent: Bool { role == Role.student.rawValue }
}

/// Login tickets (conventions §5–6, D1–D3, D18, decision 10).
public enum Tickets {
    /// Exactly 24 h (D2).
    public static let lifetime: Int64 = 24 * 3600 * SummerTime.microsPerSecond

    /// The presented ticket: the `ticket` cookie, else the `ticket` query parameter (§5.1).
    public static func presented(_ request: Request) -> String? {
        if let cookie = request.cookies["ticket"]?.value, !cookie.isEmpty { return cookie }
        if case .text(let values)? = RequestInput.query(request)["ticket"], let value = values.last, !value.isEmpty {
            return value
        }
        return nil
    }

    /// Longest text looked up as a ticket (issued tickets have 23 characters; imported ones fit 255).
    static let maxLength = 255

    /// Whether `ticket` can name a stored ticket at all: other text (U+0000, which PostgreSQL refuses in a
    /// query, or an overlong value) is an unknown ticket without a query.
    static func isLookupable(_ ticket: String) -> Bool {
        ticket.utf8.count <= maxLength && StorableText.isStorable(ticket)
    }

    /// `TK-` + 20 characters of `[0-9A-Za-z]` from the secure generator (D1).
    public static func generate() -> String { "TK-" + SecureToken.string(count: 20) }

    /// Issues a ticket for `userID` inside the caller's transaction; deletes the user's expired tickets first.
    public static func issue(userID: Int, on sql: any SQLDatabase, now: Int64 = SummerTime.now()) async throws -> String {
        try await sql.raw("DELETE FROM summer_ticket WHERE user_id = \(bind: userID) AND expired_time <= \(bind: now)").run()
        struct Inserted: Decodable { let id: Int }
        while true {
            let ticket = generate()
            let row = try await sql.raw("""
                INSERT INTO summer_ticket (user_id, ticket, create_time, expired_time) \
                VALUES (\(bind: userID), \(bind: ticket), \(bind: now), \(bind: now + lifetime)) \
                ON CONFLICT (ticket) DO NOTHING RETURNING id
                """).first(decoding: Inserted.self)
            if row != nil { return ticket }  // else: a clash with an existing ticket, draw again
        }
    }

    /// The active user holding `ticket` while it is valid; an expired ticket is deleted (§6, D2, D3).
    public static func resolve(_ ticket: String, on sql: any SQLDatabase, now: Int64 = SummerTime.now()) async throws -> SummerUser? {
        guard isLookupable(ticket) else { return nil }
        struct Row: Decodable {
            let id: Int
            let username: String
            let name: String?
            let role: String
            let is_active: Bool
            let expired_time: Int64
        }
        guard let row = try await sql.raw("""
            SELECT u.id, u.username, u.name, u.role, u.is_active, t.expired_time \
            FROM summer_ticket t JOIN summer_user u ON u.id = t.user_id WHERE t.ticket = \(bind: ticket)
            """).first(decoding: Row.self)
        else { return nil }
        if row.expired_time <= now {
            try await sql.raw("DELETE FROM summer_ticket WHERE ticket = \(bind: ticket)").run()
            return nil
        }
        guard row.is_active else { return nil }
        return SummerUser(id: row.id, username: row.username, name: row.name, role: row.role)
    }

    public static func revoke(_ ticket: String, on sql: any SQLDatabase) async throws {
        guard isLookupable(ticket) else { return }
        try await sql.raw("DELETE FROM summer_ticket WHERE ticket = \(bind: ticket)").run()
    }

    /// Revokes every ticket of `userID` except `keeping` (D6).
    public static func revokeAll(userID: Int, keeping: String?, on sql: any SQLDatabase) async throws {
        let keeping = keeping.flatMap { isLookupable($0) ? $0 : nil }
        try await sql.raw("DELETE FROM summer_ticket WHERE user_id = \(bind: userID) AND ticket <> \(bind: keeping ?? "")").run()
    }

    /// `Set-Cookie` value for an issued ticket (decision 10): a session cookie.
    public static func cookie(_ ticket: String, secure: Bool) -> String {
        "ticket=\(ticket); HttpOnly; SameSite=Lax; Path=/" + (secure ? "; Secure" : "")
    }

    /// `Set-Cookie` value expiring the ticket cookie (logout, D18).
    public static func expiredCookie(secure: Bool) -> String {
        "ticket=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax; Path=/" + (secure ? "; Secure" : "")
    }
}
