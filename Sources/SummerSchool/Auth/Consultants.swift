import Foundation
import RegistrarCore
import SQLKit

/// The student-facing consultant object (identity §3.1); `qr_code` is a domain-based URL or null (D12).
struct ConsultantView: Encodable, Sendable {
    let id: Int
    let name: String
    let email: String
    @Nullable var qr_code: String?
    let wechat: String
}

/// A consultant, or `{}` when there is none.
struct ConsultantOrEmpty: Encodable, Sendable {
    let consultant: ConsultantView?

    func encode(to encoder: any Encoder) throws {
        if let consultant { try consultant.encode(to: encoder) } else { try EmptyObject().encode(to: encoder) }
    }
}

/// Consultant auto-assignment (identity §3.2).
enum ConsultantAssignment {
    struct ConsultantRow: Decodable {
        let id: Int
        let name: String
        let email: String
        let wechat: String
        let qr_code: String
    }

    /// The user's consultant, assigning a random one when the user has none; nil when there are no consultants.
    /// Run inside the request's transaction.
    static func assign(userID: Int, on sql: any SQLDatabase) async throws -> ConsultantRow? {
        if let current = try await current(userID: userID, on: sql) { return current }
        struct Count: Decodable { let n: Int }
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM summer_sales_man").first(decoding: Count.self)?.n ?? 0
        guard count > 0 else { return nil }
        struct ID: Decodable { let id: Int }
        guard let pick = try await sql.raw(
            "SELECT id FROM summer_sales_man ORDER BY id LIMIT 1 OFFSET \(bind: Int.random(in: 0..<count))"
        ).first(decoding: ID.self) else { return nil }
        // The unique link per user makes a concurrent assignment keep the first one.
        try await sql.raw("""
            INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) \
            VALUES (\(bind: userID), \(bind: pick.id), \(bind: "NEW"), \(bind: SummerTime.now())) \
            ON CONFLICT (user_id) DO NOTHING
            """).run()
        return try await current(userID: userID, on: sql)
    }

    /// The consultant of the user's earliest link.
    static func current(userID: Int, on sql: any SQLDatabase) async throws -> ConsultantRow? {
        try await sql.raw("""
            SELECT s.id, s.name, s.email, s.wechat, s.qr_code FROM summer_sales_man_user l \
            JOIN summer_sales_man s ON s.id = l.sales_man_id WHERE l.user_id = \(bind: userID) ORDER BY l.id LIMIT 1
            """).first(decoding: ConsultantRow.self)
    }

    static func view(_ row: ConsultantRow?, call: SummerCall) -> ConsultantOrEmpty {
        ConsultantOrEmpty(consultant: row.map {
            ConsultantView(id: $0.id, name: $0.name, email: $0.email, qr_code: $0.qr_code.isEmpty ? nil : call.mediaURL($0.qr_code), wechat: $0.wechat)
        })
    }
}
