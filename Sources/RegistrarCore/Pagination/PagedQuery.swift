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
        return try await rowQuery(on: db, window: window, keys: nil).all(decoding: Row.self)
    }

    private struct Total: Decodable { let paged_total: Int }

    /// The rows of `window` and the total, in one statement whenever the window has rows: the total is read
    /// beside each row from the same snapshot. `total` is a parenthesized scalar subquery (such as
    /// `LiveCounts.total(of:)`), by default this query's `COUNT(*)`; `keys` (keyed paging only) replaces the
    /// subquery that picks the page's keys (such as `LiveBuckets.pageKeys`). A window past the end costs a
    /// second statement, for the total alone.
    public func page<Row: Decodable>(
        on db: any SQLDatabase, window: PageWindow, total: (any SQLExpression)? = nil, keys: (any SQLExpression)? = nil,
        decoding: Row.Type
    ) async throws -> (rows: [Row], total: Int) {
        let total = total ?? SQLGroupExpression(filter(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all))).select)
        let found = try await rowQuery(on: db, window: window, keys: keys).column(total, as: "paged_total").all()
        guard let first = found.first else {
            let alone = try await db.select().column(total, as: "paged_total").first(decoding: Total.self)
            return ([], alone?.paged_total ?? 0)
        }
        return (try found.map { try $0.decode(model: Row.self) }, try first.decode(column: "paged_total", as: Int.self))
    }

    private func rowQuery(on db: any SQLDatabase, window: PageWindow, keys: (any SQLExpression)?) -> SQLSelectBuilder {
        guard let key else {
            return select(filter(db.select())).limit(window.size).offset(window.offset)
        }
        let direction: SQLDirection = key.descending ? .descending : .ascending
        let keys: any SQLExpression = keys ?? filter(db.select().column(key.column))
            .orderBy(key.column, direction).limit(window.size).offset(window.offset).select
        return select(db.select())
            .where(key.column, .in, SQLGroupExpression(keys))
            .orderBy(key.column, direction)
    }
}
