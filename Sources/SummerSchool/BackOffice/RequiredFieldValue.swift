import RegistrarCore

extension Field {
    /// The value of a required, non-nullable field read for a create or a PUT: the reader has already refused
    /// absence and null, so this only guards against a reader used in another mode.
    func requiredValue(_ name: String) throws -> Value {
        guard let value else { throw AppError.field(name, FieldMessage.required) }
        return value
    }
}
