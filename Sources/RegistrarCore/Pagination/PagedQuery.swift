import SQLKit

/// Pages a list in SQL: `COUNT(*)` over the filtered rows, then `LIMIT/OFFSET` over the same filter.
///
/// `filter` adds the FROM, JOIN and WHERE clauses (it is applied to both queries); `select` adds the
/// columns and the ORDER BY of the row query.
public struct PagedQuery: Sendable {
    public typealias Clause = @Sendable (SQLSelectBuilder) -> SQLSelectBuilder
    let filter: Clause
    let select: Clause

    public init(filter: @escaping Clause, select: @escaping Clause) {
        self.filter = filter
        self.select = select
    }

    private struct Count: Decodable { let count: Int }

    public func count(on db: any SQLDatabase) async throws -> Int {
        let builder = filter(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count"))
        return try await builder.first(decoding: Count.self)?.count ?? 0
    }

    /// The rows of `window`; no query runs for a window past the end.
    public func rows<Row: Decodable>(on db: any SQLDatabase, window: PageWindow, total: Int, decoding: Row.Type) async throws -> [Row] {
        guard window.offset < total else { return [] }
        return try await select(filter(db.select())).limit(window.size).offset(window.offset).all(decoding: Row.self)
    }
}
