import Hummingbird

/// What differs between the two APIs in how errors look; everything else about envelopes is shared.
public struct APIStyle: Sendable {
    /// Short name used in logs (`summer`, `tutoring`).
    public var name: String
    /// The summer API puts `"data": {}` in error envelopes; the tutoring API leaves `data` out.
    public var errorsCarryData: Bool
    /// The answer for an unmatched route.
    public var notFound: AppError
    /// How request-body problems read in this API.
    public var inputError: @Sendable (InputError) -> AppError

    public init(name: String, errorsCarryData: Bool, notFound: AppError, inputError: @escaping @Sendable (InputError) -> AppError) {
        self.name = name
        self.errorsCarryData = errorsCarryData
        self.notFound = notFound
        self.inputError = inputError
    }

    /// The error envelope for `error` in this API's shape.
    public func envelope(for error: AppError) -> Envelope<EmptyObject> {
        if error.bare {
            return Envelope(code: error.code, msg: error.msg, data: nil, includesData: false, fieldName: nil, status: error.status)
        }
        return Envelope(
            code: error.code, msg: error.msg, data: EmptyObject(), includesData: errorsCarryData,
            fieldName: error.fieldName, status: error.status)
    }
}
