import SQLKit

/// The one way tutoring updates are written: the columns an update request changes (§1.7: absent fields
/// are left alone), applied as one UPDATE of the row that also sets `update_time`.
public struct RowChanges: Sendable {
    private var assignments: [(String, any SQLExpression & Sendable)] = []

    public init() {}

    public var isEmpty: Bool { assignments.isEmpty }

    /// Sets `column` when `value` was supplied.
    public mutating func set(_ column: String, _ value: (any Encodable & Sendable)?) {
        guard let value else { return }
        assignments.append((column, SQLBind(value)))
    }

    /// Sets `column` to an SQL expression (computed from the row as it is when the UPDATE runs).
    public mutating func set(_ column: String, expression: any SQLExpression & Sendable) {
        assignments.append((column, expression))
    }

    /// An optional reference: 0 stores NULL ("none").
    public mutating func setReference(_ column: String, _ value: Int?) {
        guard let value else { return }
        assignments.append((column, value == 0 ? SQLLiteral.null : SQLBind(value)))
    }

    /// An optional date: `""` stores NULL ("no date").
    public mutating func setDate(_ column: String, _ value: String?) {
        guard let value else { return }
        assignments.append((column, value.isEmpty ? SQLLiteral.null : SQLBind(value)))
    }

    /// The UPDATE of row `id` of `table` with the changes plus `update_time`, for callers that add
    /// conditions or `RETURNING`; nil when nothing changed.
    public func update(_ table: TutoringTable, id: Int, at time: Int, on sql: any SQLDatabase) -> SQLUpdateBuilder? {
        guard !isEmpty else { return nil }
        let builder = sql.update(table.rawValue)
        for (column, value) in assignments { builder.set(SQLColumn(column), to: value) }
        return builder.set(SQLColumn("update_time"), to: SQLBind(time)).where(SQLColumn("id"), .equal, SQLBind(id))
    }

    /// Writes the changes (plus `update_time`) to row `id` of `table`; does nothing when nothing changed.
    public func apply(to table: TutoringTable, id: Int, at time: Int, on sql: any SQLDatabase) async throws {
        try await update(table, id: id, at: time, on: sql)?.run()
    }
}
