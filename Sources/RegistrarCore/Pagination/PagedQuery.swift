import SQLKit

/// Pages a list in SQL: `COUNT(*)` over the filtered rows, then `LIMIT/OFFSET` over the same filter.
///
/// `filter` adds the FROM, JOIN and WHERE clauses (it is applied to both queries); `select` adds the
/// columns and the ORDER BY of the row query.
///
/// For deep pages of large tables use `init(filter:key:descending:select:)`: the page's keys are chosen from
/// the filtered table alone (an index-only scan, however large the offset), and only those rows are joined.
public struct PagedQuery: Sendable {
    public typealias Clause = @Sendable (SQLSelectBuilder) -> SQLSelectBuilder
    let filter: Clause
    let select: Clause
    let key: (column: SQLColumn, descending: Bool)?

    public init(filter: @escaping Clause, select: @escaping Clause) {
        self.filter = filter
        self.select = select
        self.key = nil
    }

    /// Keyed paging: `filter` adds FROM and WHERE over the base table (no joins needed), `key` is the column
    /// the list is ordered by, and `select` builds the whole row query (FROM, JOINs, columns) for the keys of
    /// the page.
    public init(filter: @escaping Clause, key: SQLColumn, descending: Bool, select: @escaping Clause) {
        self.filter = filter
        self.select = select
        self.key = (key, descending)
    }

    private struct Count: Decodable { let count: Int }

    public func count(on db: any SQLDatabase) async throws -> Int {
        let builder = filter(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count"))
        return try await builder.first(decoding: Count.self)?.count ?? 0
    }

    /// The rows of `window`; no query runs for a window past the end.
    public func rows<Row: Decodable>(on db: any SQLDatabase, window: PageWindow, total: Int, decoding: Row.Type) async throws -> [Row] {
        guard window.offset < total else { return [] }
        guard let key else {
            return try await select(filter(db.select())).limit(window.size).offset(window.offset).all(decoding: Row.self)
        }
        let direction: SQLDirection = key.descending ? .descending : .ascending
        let keys = filter(db.select().column(key.column))
            .orderBy(key.column, direction).limit(window.size).offset(window.offset)
        return try await select(db.select())
            .where(key.column, .in, SQLGroupExpression(keys.select))
            .orderBy(key.column, direction)
            .all(decoding: Row.self)
    }
}
