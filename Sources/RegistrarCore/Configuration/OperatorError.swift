/// A failure of a command-line operation, printed to stderr as it is (the process exits non-zero).
public struct OperatorError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
