import Foundation
import RegistrarCore
import SQLKit

/// A student profile row (`summer_student_info`, identity §1.3) as the `/auth/user/` endpoints read it.
struct ProfileRow: Decodable, Sendable {
    let id: Int
    let user_id: Int
    let name: String
    let email: String
    let wechat: String
    let cschool: String
    let wcampus: String
    let headimgurl: String?
    let valid_sales_man: Bool
    let first_name: String?
    let last_name: String?
    let gender: String?
    let id_number: String?
    let major: String?
    let graduate_year: String?
    let gpa: Double?

    static let columns = """
        id, user_id, name, email, wechat, cschool, wcampus, headimgurl, valid_sales_man, first_name, last_name, \
        gender, id_number, major, graduate_year, gpa
        """

    static func find(userID: Int, on sql: any SQLDatabase) async throws -> ProfileRow? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM summer_student_info WHERE user_id = \(bind: userID)")
            .first(decoding: ProfileRow.self)
    }

    /// The caller's profile for `/auth/user/info/…` (identity §3.5).
    static func require(userID: Int, on sql: any SQLDatabase) async throws -> ProfileRow {
        guard let row = try await find(userID: userID, on: sql) else { throw AppError.check("暂未找到该用户的用户信息。") }
        return row
    }

    /// Wished campuses: a JSON array of strings; `""` (or anything unreadable) = none.
    var campuses: [String] { Self.decodeCampuses(wcampus) }

    static func decodeCampuses(_ text: String) -> [String] {
        guard !text.isEmpty, let data = text.data(using: .utf8),
              let list = try? JSONDecoder().decode([String].self, from: data)
        else { return [] }
        return list
    }

    static func encodeCampuses(_ list: [String]) throws -> String {
        String(buffer: try JSONBody.encode(list))
    }

    /// Identity §3.4 with D25: incomplete when name, email or wechat is empty, or no wished campus.
    var needsCompletion: Bool { name.isEmpty || email.isEmpty || wechat.isEmpty || campuses.isEmpty }
}
