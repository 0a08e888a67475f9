import RegistrarCore

extension TutoringApp {
    /// `registrar create-admin tutoring`: creates a super administrator (§1.5); returns the new staffID.
    public static func createAdmin(name: String, phone: String, password: String, database: RegistrarDatabase) async throws -> Int {
        throw OperatorError("create-admin tutoring is not available yet")
    }

    /// `registrar demo-data`: a realistic tutoring data set, idempotently; returns a report for the
    /// operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        try await loadDemoData(database: database, profile: .demo)
    }
}
