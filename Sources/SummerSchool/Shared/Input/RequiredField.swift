import RegistrarCore

extension Field {
    /// The value of a field that validation made required (read with `required: true` in create or PUT mode):
    /// the reader has already refused it absent or null, so a missing value here is a server fault (a 500
    /// envelope), never a crash.
    var required: Value {
        get throws {
            guard case .value(let value) = self else { throw AppError.serverFault }
            return value
        }
    }
}
