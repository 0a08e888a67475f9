import RegistrarCore
import SQLKit

/// A staff member to create (staff/add and the create-admin command), already validated.
struct NewStaff: Sendable {
    let name: String
    let phone: String
    let password: String
    let role: Int

    /// Hashes the password (outside the transaction: bcrypt is slow), checks live uniqueness and inserts;
    /// returns the new staffID.
    func insert(into database: RegistrarDatabase) async throws -> Int {
        let hash = try await Passwords().hash(password)
        let name = name, phone = phone, role = role
        return try await StaffUniqueness.mapViolation(name: name, phone: phone, excluding: nil, database: database) { sql in
            try await StaffUniqueness.check(name: name, phone: phone, excluding: nil, on: sql)
            struct Inserted: Decodable { let id: Int }
            let now = TutoringClock.now()
            return try await sql.raw("""
                INSERT INTO tutoring_staff (name, phone, password_hash, role, create_time, update_time)
                VALUES (\(bind: name), \(bind: phone), \(bind: hash), \(bind: role), \(bind: now), \(bind: now))
                RETURNING id
                """).first(decoding: Inserted.self)!.id
        }
    }
}
