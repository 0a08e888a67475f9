import RegistrarCore
import SQLKit

/// The writable fields of a staff account, in the contract's order (identity spec §9.2; D5, D14, decision 7).
struct ChildUserFields: Sendable {
    static let usernameTaken = FieldMessage.taken("用户名")

    var name: Field<String>
    var password: Field<String>
    var username: Field<String>
    var isActive: Field<Bool>
    var role: Field<String>

    /// `excluding` is the account being updated.
    init(_ reader: FieldReader, on sql: any SQLDatabase, excluding: Int? = nil) async throws {
        name = try reader.string("name", required: false, nullable: true, max: 30)
        password = try reader.newPassword("password")
        username = try reader.string("username", max: 30, min: 6)
        if let value = username.value, try await Self.usernameTaken(value, excluding: excluding, on: sql) {
            throw AppError.field("username", Self.usernameTaken)
        }
        isActive = try reader.bool("is_active")
        role = try reader.choice("role", .role, excluded: [Role.student.rawValue])
    }

    /// Usernames are unique case-insensitively (decision 7), students' included.
    static func usernameTaken(_ username: String, excluding: Int?, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: username)) AND id <> \(bind: excluding ?? 0)
            """).first() != nil
    }
}
