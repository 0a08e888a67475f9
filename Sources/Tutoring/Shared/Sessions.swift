import RegistrarCore
import SQLKit

/// Session rows: opened at login, ended by logout, password change and staff deletion.
public enum Sessions {
    /// Opens a session for `staffID` and returns its token (only the SHA-256 is stored).
    public static func open(staffID: Int, on sql: any SQLDatabase) async throws -> String {
        let token = SecureToken.hex(bytes: 32)
        let now = TutoringClock.now()
        try await sql.insertRow(
            NewSession(tokenHash: SecureToken.sha256Hex(token), staffId: staffID, createTime: now, lastSeenTime: now),
            into: "tutoring_session")
        return token
    }

    struct NewSession: Encodable, Sendable {
        let tokenHash: String
        let staffId: Int
        let createTime: Int
        let lastSeenTime: Int
    }

    public static func end(sessionID: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM tutoring_session WHERE id = \(bind: sessionID)").run()
    }

    /// Ends every session of `staffID`, except `keeping` when given.
    public static func endAll(staffID: Int, keeping: Int? = nil, on sql: any SQLDatabase) async throws {
        if let keeping {
            try await sql.raw("DELETE FROM tutoring_session WHERE staff_id = \(bind: staffID) AND id <> \(bind: keeping)").run()
        } else {
            try await sql.raw("DELETE FROM tutoring_session WHERE staff_id = \(bind: staffID)").run()
        }
    }
}
