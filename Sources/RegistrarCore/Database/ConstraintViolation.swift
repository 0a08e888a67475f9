import FluentKit

extension RegistrarDatabase {
    /// Whether `error` is the database refusing a write for a UNIQUE, FOREIGN KEY or CHECK constraint,
    /// on SQLite and PostgreSQL alike (so races on unique columns become a 409/400, never a 500).
    public static func isConstraintViolation(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure ?? false
    }

    /// Runs `write`, answering a constraint violation with the field error `mapped` gives instead.
    ///
    /// This is the one mapping of constraint violations to field errors: handlers check uniqueness and
    /// references first (for the exact message and field), and the constraint settles what those checks
    /// cannot see, a concurrent writer that committed in between. `mapped` may query again (on a new
    /// statement outside the failed one) to name the field that collided, or throw that error itself.
    public static func mappingConstraintViolation<T>(
        _ write: () async throws -> T, to mapped: () async throws -> any Error
    ) async throws -> T {
        do {
            return try await write()
        } catch where isConstraintViolation(error) {
            throw try await mapped()
        }
    }
}
