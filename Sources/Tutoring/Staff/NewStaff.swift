import RegistrarCore
import SQLKit

/// A staff member to create (staff/add and the create-admin command), already validated.
struct NewStaff: Sendable {
    let name: String
    let phone: String
    let password: String
    let role: StaffRole

    /// The inserted row (`insertRow` names the columns after the properties).
    struct Row: Encodable, Sendable {
        let name: String
        let phone: String
        let passwordHash: String
        let role: Int
        let createTime: Int
        let updateTime: Int
    }

    /// Hashes the password (outside the transaction: bcrypt is slow), checks live uniqueness and inserts;
    /// returns the new staffID.
    func insert(into database: RegistrarDatabase, passwords: Passwords) async throws -> Int {
        let now = TutoringClock.now()
        let row = Row(
            name: name, phone: phone, passwordHash: try await passwords.hash(password), role: role.rawValue, createTime: now, updateTime: now)
        let name = name, phone = phone
        return try await StaffUniqueness.writing(name: name, phone: phone, excluding: nil, database: database) { sql in
            try await StaffUniqueness.check(name: name, phone: phone, excluding: nil, on: sql)
            return try await sql.insertRow(row, into: .staff)
        }
    }
}
