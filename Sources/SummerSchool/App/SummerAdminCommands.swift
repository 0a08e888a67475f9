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
        guard StorableText.isStorable(name) else { throw OperatorError("username must not contain a NUL character") }
        // Decision 41: the password rule of every place that sets one.
        switch PasswordRule.violation(of: secret, length: 6...30) {
        case .tooShort?, .tooLong?: throw OperatorError("password must be 6–30 characters")
        case .nullCharacter?: throw OperatorError("password must not contain a NUL character")
        case .tooManyBytes?: throw OperatorError("password must be at most 72 bytes in UTF-8")
        case nil: break
        }
        let hash = try await passwords.hash(secret)
        let taken = OperatorError("username \(name) is already taken")
        return try await RegistrarDatabase.mappingConstraintViolation {
            try await database.transaction { sql in
                // Decision 7: a username taken in any letter case is taken.
                if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: name))").first() != nil {
                    throw taken
                }
                let account = NewAccount(
                    username: name, password: hash, name: nil, role: Role.admin.rawValue, isActive: true, createTime: SummerTime.now())
                return try await sql.insertRow(account, into: "summer_user")
            }
        } to: { taken }
    }

    /// `registrar demo-data`: the documented test accounts, consultants, coupons and channels (decision 30),
    /// idempotently; returns a report for the operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        try await SummerDemoData.load(database: database)
    }

    /// `registrar demo-data --profile …`: the demonstration data (plus the image files its rows point at, under
    /// the configured media root), or the benchmark data set of shared/benchmarks/summer-profile.md (seeded;
    /// skipped when already loaded).
    public static func loadDemoData(database: RegistrarDatabase, profile: SummerDemoProfile) async throws -> String {
        switch profile {
        case .demo:
            let report = try await SummerDemoData.load(database: database)
            return report + "\n" + SummerDemoImages.write(mediaRoot: SummerSettings.fromEnvironment().mediaRoot)
        case .benchmark:
            let report = try await SummerBenchmarkProfile.load(
                database: database, passwordHash: try await Passwords(cost: 10).hash(SummerBenchmarkProfile.password))
            try await database.sql.raw("ANALYZE").run()  // fresh statistics for the planner
            return report
        }
    }
}

/// Which summer data set `registrar demo-data` loads.
public enum SummerDemoProfile: Sendable {
    case demo, benchmark
}
