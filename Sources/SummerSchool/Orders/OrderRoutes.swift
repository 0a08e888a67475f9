import Hummingbird
import RegistrarCore
import SQLKit

/// `/order/...` (O8–O15): orders, their cancellation and the caller's order views. Students see only their
/// own orders, staff all of them (D2); another's order answers like a missing one.
struct OrderRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/order") { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await OrderCreation.create(call)) }
        }
        routes.collection("/order/check_order") { r in r.get { call in try await Self.checkOrder(call) } }
        routes.collection("/order/order_currency_payment") { r in r.get { _ in Reply.ok(CurrencyPayments.all) } }
        routes.collection("/order/user_order_list") { r in r.get { call in Reply.ok(try await Self.userOrderList(call)) } }
        routes.collection("/order/user_order_course") { r in
            r.get { call in Reply.ok(try await UserOrderCourse.list(call)) }
        }
        routes.item("/order/{id}") { r in
            r.get { call in
                let row = try await OrderFilter(query: call.query(), caller: call.caller).find(try call.pathID(), on: call.sql)
                return Reply.ok(try await OrderLoader.item(row, on: call.sql, mediaURL: call.mediaURL))
            }
        }
        routes.item("/order/{id}/cancel") { r in r.put { call in Reply.ok(try await Self.cancel(call)) } }
    }

    /// O8: paginated, newest first.
    static func list(_ call: SummerCall) async throws -> LinkedPage<OrderItem> {
        let filter = OrderFilter(query: call.query(), caller: call.caller)
        let query = PagedQuery(
            filter: { filter.apply($0.from("summer_order")) }, key: SQLColumn("id"), descending: true,
            select: { $0.column(SQLRaw(OrderRow.columns)).from("summer_order") })
        return try await call.page(query, decoding: OrderRow.self) { rows in
            try await OrderLoader.items(rows, on: call.sql, mediaURL: call.mediaURL)
        }
    }

    /// O11: the owner or an ADMIN; the O8 filters apply as on the detail.
    static func cancel(_ call: SummerCall) async throws -> OrderItem {
        let id = try call.pathID()
        let caller = call.caller
        var visible = OrderFilter(query: call.query(), caller: caller)
        if caller.roleValue != .admin { visible.ownerID = caller.id }
        let filter = visible
        return try await call.database.transaction { sql in
            let order = try await OrderTransition.cancel(id, filter: filter, caller: caller, on: sql)
            return try await OrderLoader.item(order, on: sql, mediaURL: call.mediaURL)
        }
    }

    /// O12: the caller's newest unfinished order, or code 100 (a success signal: an order may be created).
    static func checkOrder(_ call: SummerCall) async throws -> Response {
        let row = try await call.sql.raw("""
            SELECT \(unsafeRaw: OrderRow.columns) FROM summer_order WHERE user_id = \(bind: call.caller.id) \
            AND status IN (\(binds: OrderStatus.unfinished.map(\.rawValue))) ORDER BY id DESC LIMIT 1
            """).first(decoding: OrderRow.self)
        guard let row else {
            return try Envelope(code: 100, msg: OrderMessage.noUnfinished, data: EmptyObject(), fieldName: "")
                .response(from: call.request, context: call.context)
        }
        return try Reply.ok(try await OrderLoader.item(row, on: call.sql, mediaURL: call.mediaURL))
            .response(from: call.request, context: call.context)
    }

    /// O14: the caller's orders, newest first, not paginated.
    static func userOrderList(_ call: SummerCall) async throws -> [OrderItem] {
        let filter = OrderFilter(ownerID: call.caller.id, query: call.query())
        let rows = try await filter.apply(call.sql.select().column(SQLRaw(OrderRow.columns)).from("summer_order"))
            .orderBy("id", .descending).all(decoding: OrderRow.self)
        return try await OrderLoader.items(rows, on: call.sql, mediaURL: call.mediaURL)
    }
}

/// O13: the currencies and the payment methods offered for each, a constant.
struct CurrencyPayments: Encodable, Sendable {
    let key: String
    let verbose: String
    let payment: [Choice]

    static let all: [CurrencyPayments] = {
        func method(_ key: String) -> Choice { ChoiceSet.orderPayment.choice(key)! }
        return [
            CurrencyPayments(key: "DOLLAR", verbose: "美金", payment: [method("BANK"), method("PAY_PAL")]),
            CurrencyPayments(key: "RMB", verbose: "人民币", payment: [method("BANK"), method("ALI_PAY"), method("OFF_LINE")]),
        ]
    }()
}
