import RegistrarCore
import SQLKit

/// The optional filters of `GET /admin/order/` (decision 23), combined with AND and applied in SQL:
/// `status`, `user`, `project` (an order with a cart item of that project), `start_date`/`end_date`
/// (inclusive days of `create_time` in UTC+8) and `search` (student name or username, case-insensitive
/// substring, or an exact order id). A malformed value is a field error.
struct AdminOrderFilter: Sendable {
    var status: String?
    var userID: Int?
    var projectID: Int?
    var from: Int64?
    var until: Int64?
    var search: String?

    init(_ query: RequestInput) throws {
        let reader = FieldReader(query, mode: .patch)
        status = try reader.choice("status", .orderStatus, required: false).value
        userID = try reader.int("user", required: false).value
        projectID = try reader.int("project", required: false).value
        from = try reader.date("start_date", required: false).value.map { Self.startOfDay($0) }
        until = try reader.date("end_date", required: false).value.map { Self.startOfDay($0) + 86_400 * SummerTime.microsPerSecond }
        if case .text(let values)? = query["search"], let text = values.last?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            search = text
        }
    }

    /// Midnight of a `YYYY-MM-DD` day in UTC+8, in microseconds.
    static func startOfDay(_ date: String) -> Int64 {
        let parts = date.split(separator: "-").compactMap { Int64($0) }
        let days = SummerTime.days(year: parts[0], month: parts[1], day: parts[2])
        return (days * 86_400 - SummerTime.localOffsetSeconds) * SummerTime.microsPerSecond
    }

    /// Adds the WHERE clauses over `summer_order`'s own columns; each one is served by an index
    /// (status, user, create_time, the cart items' project and the order–item link).
    func apply(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        var builder = builder
        if let status { builder = builder.where("status", .equal, SQLBind(status)) }
        if let userID { builder = builder.where("user_id", .equal, SQLBind(userID)) }
        if let projectID {
            builder = builder.where(SQLQueryString("""
                id IN (SELECT oc.order_id FROM summer_shopping_chart c JOIN summer_order_chart oc ON oc.chart_id = c.id \
                WHERE c.project_id = \(bind: projectID))
                """))
        }
        if let from { builder = builder.where("create_time", .greaterThanOrEqual, SQLBind(from)) }
        if let until { builder = builder.where("create_time", .lessThan, SQLBind(until)) }
        if let search {
            guard let pattern = LikePattern.contains(search) else { return builder.where(SQLRaw("1 = 0")) }
            let orderID = Int(search).flatMap { $0 >= Int(Int32.min) && $0 <= Int(Int32.max) ? $0 : nil } ?? 0
            builder = builder.where(SQLQueryString("""
                (id = \(bind: orderID) OR user_id IN (SELECT u.id FROM summer_user u \
                LEFT JOIN summer_student_info si ON si.user_id = u.id \
                WHERE LOWER(u.username) LIKE \(bind: pattern) \(unsafeRaw: LikePattern.escapeClause) \
                OR LOWER(si.name) LIKE \(bind: pattern) \(unsafeRaw: LikePattern.escapeClause)))
                """))
        }
        return builder
    }
}
