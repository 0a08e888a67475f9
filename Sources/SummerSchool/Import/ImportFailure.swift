/// Why an import stopped; nothing was written. The message names the model, the pk and the field of the
/// refused row when there is one.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// A refused row: `order.order pk 44, field status: "X" is not one of …`.
    static func refused(_ model: String, _ pk: Int, _ field: String, _ reason: String) -> ImportFailure {
        ImportFailure("refused \(model) pk \(pk), field \(field): \(reason)")
    }
}
