/// An optional output member that is always present: `null` rather than left out (synthesized `Encodable`
/// skips nil optionals). Declare as `@Nullable var name: String?`.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// An instant rendered as conventions §10.1 (UTC `Z`, microseconds when present); `null` when nil.
public struct Instant: Encodable, Sendable, Equatable {
    public var micros: Int64?

    public init(_ micros: Int64?) { self.micros = micros }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let micros { try container.encode(SummerTime.render(micros)) } else { try container.encodeNil() }
    }
}
