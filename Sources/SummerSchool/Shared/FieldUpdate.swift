import SQLKit

extension SQLUpdateBuilder {
    /// Sets `column` from a validated field when the client sent it: a value, or NULL for an explicit null
    /// (only nullable fields get that far). Absent fields leave the stored value untouched (PATCH).
    @discardableResult
    func set<Value: Encodable & Sendable>(_ column: String, ifSent field: Field<Value>) -> Self {
        switch field {
        case .absent: return self
        case .null: return set(column, to: SQLBind(Value?.none))
        case .value(let value): return set(column, to: SQLBind(value))
        }
    }
}
