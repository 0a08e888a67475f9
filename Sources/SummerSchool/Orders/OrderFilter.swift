import RegistrarCore
import SQLKit

/// Which orders a request of the order module may see (D2) and the list filters of O8, which O10 and O11
/// apply too. Filters match exactly; a value that cannot match (unknown key, non-numeric user) empties the
/// result instead of failing (conventions §9).
struct OrderFilter: Sendable {
    /// Only this owner's orders (students see their own).
    var ownerID: Int?
    var userID: Int?
    var currency: String?
    var payment: String?
    var status: String?
    var excludeCanceled = false
    var matchesNothing = false

    /// O8's filters for `caller`; the `user` filter is ignored for students, who only see their own orders.
    init(query: RequestInput, caller: SummerUser) {
        func text(_ name: String) -> String? {
            guard case .text(let values)? = query[name], let last = values.last, !last.isEmpty else { return nil }
            return last
        }
        if caller.isStudent { ownerID = caller.id }
        for (name, set) in [("currency", ChoiceSet.currency), ("payment", ChoiceSet.orderPayment), ("status", ChoiceSet.orderStatus)] {
            guard let value = text(name) else { continue }
            if !set.contains(value) { matchesNothing = true }
            switch name {
            case "currency": currency = value
            case "payment": payment = value
            default: status = value
            }
        }
        if !caller.isStudent, let user = text("user") {
            if let id = Int(user.trimmingCharacters(in: .whitespaces)), id >= Int(Int32.min), id <= Int(Int32.max) {
                userID = id
            } else {
                matchesNothing = true
            }
        }
        excludeCanceled = text("none_canceled_order") != nil
    }

    /// Only `ownerID`'s orders, with the optional status filters of O14.
    init(ownerID: Int, query: RequestInput) {
        self.ownerID = ownerID
        if case .text(let values)? = query["status"], let value = values.last, !value.isEmpty {
            status = value
            if !ChoiceSet.orderStatus.contains(value) { matchesNothing = true }
        }
        if case .text(let values)? = query["none_canceled_order"], let value = values.last, !value.isEmpty {
            excludeCanceled = true
        }
    }

    /// Adds the WHERE clauses over `summer_order`'s own columns.
    func apply(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        if matchesNothing { return builder.where(SQLRaw("1 = 0")) }
        var builder = builder
        if let ownerID { builder = builder.where("user_id", .equal, SQLBind(ownerID)) }
        if let userID { builder = builder.where("user_id", .equal, SQLBind(userID)) }
        if let currency { builder = builder.where("currency", .equal, SQLBind(currency)) }
        if let payment { builder = builder.where("payment", .equal, SQLBind(payment)) }
        if let status { builder = builder.where("status", .equal, SQLBind(status)) }
        if excludeCanceled { builder = builder.where("status", .notEqual, SQLBind(OrderStatus.canceled.rawValue)) }
        return builder
    }

    /// The order `id` if this filter lets the caller see it.
    func find(_ id: Int, on sql: any SQLDatabase) async throws -> OrderRow {
        let builder = apply(sql.select().column(SQLRaw(OrderRow.columns)).from("summer_order")
            .where("id", .equal, SQLBind(id)))
        guard let row = try await builder.first(decoding: OrderRow.self) else { throw AppError.notFound }
        return row
    }
}
