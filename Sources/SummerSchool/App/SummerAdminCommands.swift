import RegistrarCore

extension SummerSchoolApp {
    /// `registrar create-admin summer`: creates an active ADMIN account (decision 31); returns its id.
    public static func createAdmin(username: String, password: String, database: RegistrarDatabase) async throws -> Int {
        throw OperatorError("create-admin summer is not available yet")
    }

    /// `registrar demo-data`: the documented test accounts, consultants, coupons and channels (decision 30),
    /// idempotently; returns a report for the operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        throw OperatorError("demo-data for the summer-school API is not available yet")
    }
}
