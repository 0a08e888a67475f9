import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/order/...` (back office H1–H3): every order with its operation history, and the payment
/// confirmation. ADMIN only.
struct AdminOrderRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/order", access: .admin) { r in r.get { call in Reply.ok(try await Self.list(call)) } }
        routes.item("/admin/order/{id}", access: .admin) { r in
            r.get { call in
                let row = try await Self.find(try call.pathID(), on: call.sql)
                return Reply.ok(try await OrderLoader.item(row, history: true, on: call.sql, mediaURL: call.mediaURL))
            }
        }
        routes.item("/admin/order/{id}/confirm", access: .admin) { r in
            r.put { call in Reply.ok(try await Self.confirm(call)) }
        }
    }

    /// H1: ascending id, decision 23's filters.
    static func list(_ call: SummerCall) async throws -> LinkedPage<OrderItem> {
        let filter = try AdminOrderFilter(call.query())
        let query = PagedQuery(
            filter: { filter.apply($0.from("summer_order")) }, key: SQLColumn("id"), descending: false,
            select: { $0.column(SQLRaw(OrderRow.columns)).from("summer_order") })
        return try await call.page(query, decoding: OrderRow.self) { rows in
            try await OrderLoader.items(rows, history: true, on: call.sql, mediaURL: call.mediaURL)
        }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> OrderRow {
        guard let row = try await sql.raw("SELECT \(unsafeRaw: OrderRow.columns) FROM summer_order WHERE id = \(bind: id)")
            .first(decoding: OrderRow.self)
        else { throw AppError.notFound }
        return row
    }

    /// H3: 404 → status value → TO_CONFIRM check, then the conditional move with its coupon and history
    /// writes; a lost race answers like an order no longer TO_CONFIRM.
    static func confirm(_ call: SummerCall) async throws -> OrderItem {
        let id = try call.pathID()
        let order = try await find(id, on: call.sql)
        guard let verdict = try await verdict(call) else { throw AppError.check(AdminOrderMessage.badStatus) }
        guard order.status == OrderStatus.toConfirm.rawValue else { throw AppError.check(AdminOrderMessage.notToConfirm) }
        let caller = call.caller
        return try await call.database.transaction { sql in
            let updated = try await OrderTransition.confirm(id, verdict: verdict, caller: caller, on: sql)
            return try await OrderLoader.item(updated, history: true, on: sql, mediaURL: call.mediaURL)
        }
    }

    /// The body's `status` (JSON or form); a body that is not an object counts as no status.
    static func verdict(_ call: SummerCall) async throws -> PaymentVerdict? {
        let input: RequestInput
        do {
            input = try await call.body()
        } catch InputError.notAnObject {
            return nil
        }
        switch input["status"] {
        case .text(let values)?: return values.last.flatMap(PaymentVerdict.init)
        case .json(.string(let text))?: return PaymentVerdict(text)
        default: return nil
        }
    }
}
