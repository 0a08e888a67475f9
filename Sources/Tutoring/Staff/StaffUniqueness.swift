import RegistrarCore
import SQLKit

/// Live staff names and phones are unique (§3.1). Checked inside the writing transaction for the proper
/// 409; the partial unique indexes catch the races, mapped to the same 409 by `writing`.
enum StaffUniqueness {
    static let nameTaken = AppError(code: 409, msg: "用户名已存在", fieldName: "name")
    static let phoneTaken = AppError(code: 409, msg: "手机号已被使用", fieldName: "phone")

    static func check(name: String?, phone: String?, excluding staffID: Int?, on sql: any SQLDatabase) async throws {
        struct Found: Decodable { let id: Int }
        let other = staffID ?? 0
        if let name, try await sql.raw("""
            SELECT id FROM tutoring_staff WHERE name = \(bind: name) AND deleted_at IS NULL AND id <> \(bind: other)
            """).first(decoding: Found.self) != nil {
            throw nameTaken
        }
        if let phone, try await sql.raw("""
            SELECT id FROM tutoring_staff WHERE phone = \(bind: phone) AND deleted_at IS NULL AND id <> \(bind: other)
            """).first(decoding: Found.self) != nil {
            throw phoneTaken
        }
    }

    /// Runs a staff write in one transaction; a unique-index violation (a concurrent writer won) becomes
    /// the 409 of the field that collided, re-checked after the rollback.
    static func writing<T: Sendable>(
        name: String?, phone: String?, excluding staffID: Int?, database: RegistrarDatabase,
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation {
            try await database.transaction(work)
        } to: {
            try await check(name: name, phone: phone, excluding: staffID, on: database.sql)
            return name != nil ? nameTaken : phoneTaken
        }
    }
}
