import FluentKit

extension RegistrarDatabase {
    /// Whether `error` is the database refusing a write for a UNIQUE, FOREIGN KEY or CHECK constraint,
    /// on SQLite and PostgreSQL alike (so races on unique columns become a 409/400, never a 500).
    public static func isConstraintViolation(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure ?? false
    }
}
