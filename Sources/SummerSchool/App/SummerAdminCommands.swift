import Foundation
import RegistrarCore
import SQLKit

extension SummerSchoolApp {
    /// `registrar create-admin summer`: creates an active ADMIN account (decision 31); returns its id.
    public static func createAdmin(
        username: String, password: String, database: RegistrarDatabase, passwords: Passwords = Passwords()
    ) async throws -> Int {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines)
        let secret = password.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted in code points, as login counts them, so every account created here can log in.
        guard (6...30).contains(name.unicodeScalars.count) else { throw OperatorError("username must be 6–30 characters") }
        guard (6...30).contains(secret.unicodeScalars.count) else { throw OperatorError("password must be 6–30 characters") }
        let hash = try await passwords.hash(secret)
        struct Inserted: Decodable { let id: Int }
        let taken = OperatorError("username \(name) is already taken")
        return try await RegistrarDatabase.mappingConstraintViolation {
            try await database.transaction { sql in
                // Decision 7: a username taken in any letter case is taken.
                if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: name))").first() != nil {
                    throw taken
                }
                return try await sql.raw("""
                    INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) \
                    VALUES (\(bind: name), \(bind: hash), \(bind: String?.none), \(bind: Role.admin.rawValue), \(bind: true), \(bind: false), \(bind: SummerTime.now())) \
                    RETURNING id
                    """).row(decoding: Inserted.self).id
            }
        } to: { taken }
    }

    /// `registrar demo-data`: the documented test accounts, consultants, coupons and channels (decision 30),
    /// idempotently; returns a report for the operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        try await SummerDemoData.load(database: database)
    }
}
