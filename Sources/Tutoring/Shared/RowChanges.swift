import SQLKit

/// The columns an update request changes (§1.7: absent fields are left alone), applied as one UPDATE.
public struct RowChanges: Sendable {
    private var assignments: [(String, any SQLExpression & Sendable)] = []

    public init() {}

    public var isEmpty: Bool { assignments.isEmpty }

    /// Sets `column` when `value` was supplied.
    public mutating func set(_ column: String, _ value: (any Encodable & Sendable)?) {
        guard let value else { return }
        assignments.append((column, SQLBind(value)))
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

    /// Writes the changes (plus `update_time`) to row `id` of `table`; does nothing when nothing changed.
    public func apply(to table: TutoringTable, id: Int, at time: Int, on sql: any SQLDatabase) async throws {
        guard !isEmpty else { return }
        let builder = sql.update(table.rawValue)
        for (column, value) in assignments { builder.set(SQLColumn(column), to: value) }
        try await builder.set(SQLColumn("update_time"), to: SQLBind(time)).where(SQLColumn("id"), .equal, SQLBind(id)).run()
    }
}
