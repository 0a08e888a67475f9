import RegistrarCore

extension TutoringApp {
    /// `registrar create-admin tutoring`: creates a super administrator (§1.5); returns the new staffID.
    /// It applies the staff/add rules (name, phone, password, live uniqueness); failures become an
    /// `OperatorError` carrying the API's message and the offending option.
    public static func createAdmin(
        name: String, phone: String, password: String, database: RegistrarDatabase, passwords: Passwords = Passwords()
    ) async throws -> Int {
        do {
            let input = TutoringInput(values: [
                "name": .json(.string(name)), "phone": .json(.string(phone)), "password": .json(.string(password)),
            ])
            let admin = NewStaff(
                name: try input.requiredName("name", "用户名"),
                phone: try input.requiredPhone("phone", "手机号码"),
                password: try input.password("password", "用户密码"),
                role: .superAdmin)
            return try await admin.insert(into: database, passwords: passwords)
        } catch let error as AppError {
            throw OperatorError("cannot create the administrator (--\(error.fieldName)): \(error.msg)")
        }
    }

    /// `registrar demo-data`: a realistic tutoring data set, idempotently; returns a report for the
    /// operator (the logins among it).
    public static func loadDemoData(database: RegistrarDatabase) async throws -> String {
        try await loadDemoData(database: database, profile: .demo)
    }
}
