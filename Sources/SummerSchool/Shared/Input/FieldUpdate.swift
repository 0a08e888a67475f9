import SQLKit

/// The summer API's one way of writing a PUT/PATCH: `sql.patch(table, id:)`, then `set(_:ifSent:)` per
/// field, then `run()`.
extension SQLDatabase {
    /// The UPDATE of row `id` of `table`, to which the sent fields are added.
    ///
    /// It starts with `SET id = id`: a PATCH may send no field at all, and an UPDATE needs one assignment.
    /// Setting the key to itself changes nothing (and still answers "no such row" the same way).
    func patch(_ table: String, id: Int) -> SQLUpdateBuilder {
        update(table).set("id", to: SQLBind(id)).where("id", .equal, SQLBind(id))
    }
}

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
