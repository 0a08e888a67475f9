import Foundation
import RegistrarCore
import SQLKit

extension SummerSchoolApp {
    /// `registrar create-admin summer`: creates an active ADMIN account (decision 31); returns its id.
    public static func createAdmin(username: String, password: String, database: RegistrarDatabase) async throws -> Int {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines)
        let secret = password.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted in code points, as login counts them, so every account created here can log in.
        guard (6...30).contains(name.unicodeScalars.count) else { throw OperatorError("username must be 6–30 characters") }
        guard StorableText.isStorable(name) else { throw OperatorError("username must not contain a NUL character") }
        // Decision 41: the password rule of every place that sets one.
        switch PasswordRule.violation(of: secret, length: 6...30) {
        case .tooShort?, .tooLong?: throw OperatorError("password must be 6–30 characters")
        case .nullCharacter?: throw OperatorError("password must not contain a NUL character")
        case .tooManyBytes?: throw OperatorError("password must be at most 72 bytes in UTF-8")
        case nil: break
        }
        let hash = try await Passwords().hash(secret)
        struct Inserted: Decodable { let id: Int }
        do {
            return try await database.transaction { sql in
                // Decision 7: a username taken in any letter case is taken.
                if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: name))").first() != nil {
                    throw OperatorError("username \(name) is already taken")
                }
                return try await sql.raw("""
                    INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) \
                    VALUES (\(bind: name), \(bind: hash), \(bind: String?.none), \(bind: Role.admin.rawValue), \(bind: true), \(bind: false), \(bind: SummerTime.now())) \
                    RETURNING id
                    """).first(decoding: Inserted.self)!.id
            }
        } catch where RegistrarDatabase.isConstraintViolation(error) {
            throw OperatorError("username \(name) is already taken")
        }
    }

    /// `registrar demo-data`: the documented test accounts, consultants, coupons and channels (decision 30),
    /// idempotently; returns a report for the operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        try await SummerDemoData.load(database: database)
    }
}
