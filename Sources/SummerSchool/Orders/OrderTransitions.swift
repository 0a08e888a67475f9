import RegistrarCore
import SQLKit

/// The status changes of an existing order (§8.1, decision 16). Each is a conditional UPDATE inside the
/// caller's transaction, so of two racing requests only one moves the order; the loser reports the status
/// it finds.
enum OrderTransition {
    /// `from` → `to` with `modified_time` = `time`; nil when the order is no longer in `from`.
    static func move(
        _ orderID: Int, from: OrderStatus, to: OrderStatus, at time: Int64, on sql: any SQLDatabase
    ) async throws -> OrderRow? {
        try await sql.raw("""
            UPDATE summer_order SET status = \(bind: to.rawValue), modified_time = \(bind: time) \
            WHERE id = \(bind: orderID) AND status = \(bind: from.rawValue) RETURNING \(unsafeRaw: OrderRow.columns)
            """).first(decoding: OrderRow.self)
    }

    /// The stored status of `orderID` (after a lost race).
    static func status(of orderID: Int, on sql: any SQLDatabase) async throws -> OrderStatus? {
        struct Row: Decodable { let status: String }
        return try await sql.raw("SELECT status FROM summer_order WHERE id = \(bind: orderID)")
            .first(decoding: Row.self).flatMap { OrderStatus(rawValue: $0.status) }
    }

    /// Moves the owner's LOCKED rows of the order's coupons to `status` (D8, DV-17): released on cancel or a
    /// failed payment, spent on confirmation.
    static func settleCoupons(of order: OrderRow, to status: CouponUseStatus, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE summer_user_coupon SET status = \(bind: status.rawValue) \
            WHERE user_id = \(bind: order.user_id) AND status = \(bind: CouponUseStatus.locked.rawValue) \
            AND coupon_id IN (SELECT coupon_id FROM summer_order_coupon WHERE order_id = \(bind: order.id))
            """).run()
    }

    /// O11: TO_PAY → CANCELED by the owner or an ADMIN; `filter` decides what the caller may see.
    static func cancel(_ orderID: Int, filter: OrderFilter, caller: SummerUser, on sql: any SQLDatabase) async throws -> OrderRow {
        let found = try await filter.find(orderID, on: sql)
        if let refusal = OrderStatus(rawValue: found.status)?.cancelRefusal { throw AppError.check(refusal) }
        let now = SummerTime.now()
        guard let order = try await move(orderID, from: .toPay, to: .canceled, at: now, on: sql) else {
            let current = try await status(of: orderID, on: sql)
            throw AppError.check(current?.cancelRefusal ?? OrderStatus.canceled.cancelRefusal!)
        }
        try await settleCoupons(of: order, to: .toUse, on: sql)
        try await OrderHistory.record(
            order: order.id, operator: caller.id, key: .update, remark: OrderRemark.canceled, at: now, on: sql)
        return order
    }

    /// H3: TO_CONFIRM → CONFIRMED / CONFIRM_FAILED by an ADMIN.
    static func confirm(_ orderID: Int, verdict: PaymentVerdict, caller: SummerUser, on sql: any SQLDatabase) async throws -> OrderRow {
        let now = SummerTime.now()
        guard let order = try await move(orderID, from: .toConfirm, to: verdict.status, at: now, on: sql) else {
            if try await status(of: orderID, on: sql) == nil { throw AppError.notFound }
            throw AppError.check(AdminOrderMessage.notToConfirm)
        }
        try await settleCoupons(of: order, to: verdict.couponStatus, on: sql)
        try await OrderHistory.record(order: order.id, operator: caller.id, key: .update, remark: verdict.remark, at: now, on: sql)
        return order
    }
}

/// Messages of the admin order endpoints (back office H3).
enum AdminOrderMessage {
    static let badStatus = "请传入正确的status参数"
    static let notToConfirm = "仅能操作待确认状态下的订单"
}
