import RegistrarCore
import SQLKit

/// `POST /order/` (O9): validates the body, then in one transaction serialised per acting user (D7) checks the
/// cart items, coupons and unfinished orders, prices the order (§7), inserts it with its links, locks the
/// coupons and consumes the cart items with conditional updates, and records the history.
enum OrderCreation {
    struct Body: Sendable {
        let chartIDs: [Int]
        let currency: String
        let payment: String
        let remark: String?
        let couponIDs: [Int]

        /// Field order of O9; `status` is ignored (D4): a new order is always TO_PAY.
        init(_ reader: FieldReader) throws {
            chartIDs = try reader.intList("chart_ids", required: true, allowEmpty: false).value ?? []
            currency = try reader.choice("currency", .currency).value!
            payment = try reader.choice("payment", .orderPayment).value!
            remark = try reader.string("remark", required: false, nullable: true, allowBlank: true, max: 255).value
            couponIDs = try reader.intList("coupon_list", required: false, nullable: true).value ?? []
        }
    }

    static func create(_ call: SummerCall) async throws -> OrderItem {
        let caller = call.caller
        let actingID = try await actingUser(call)
        let body = try Body(try await call.bodyReader(.create))
        return try await call.database.transaction { sql in
            try await lockUser(actingID, on: sql)
            let charts = try await checkCharts(body.chartIDs, userID: actingID, on: sql)
            let coupons = try await checkCoupons(body.couponIDs, userID: actingID, on: sql)
            if try await hasUnfinishedOrder(userID: actingID, on: sql) { throw AppError.rule(OrderMessage.unfinished) }
            let price = try await price(charts, coupons: coupons, on: sql)
            let now = SummerTime.now()
            let newOrder = NewOrder(
                userId: actingID, currency: body.currency, payment: body.payment, standardFee: price.standardFee,
                payFee: price.payFee, createTime: now, modifiedTime: now, remark: body.remark)
            let order = try await sql.insertRow(newOrder, into: "summer_order", returning: OrderRow.columns, as: OrderRow.self)
            try await link(order: order.id, charts: body.chartIDs, coupons: Array(coupons.keys), on: sql)
            try await lockCoupons(body.couponIDs, userID: actingID, on: sql)
            try await consumeCharts(body.chartIDs, userID: actingID, at: now, on: sql)
            try await OrderHistory.record(
                order: order.id, operator: caller.id, key: .create, remark: OrderRemark.created, at: now, on: sql)
            return try await OrderLoader.item(order, on: sql, mediaURL: call.mediaURL)
        }
    }

    /// D3: only an ADMIN may order for another user with `?user=N`; a non-numeric or unknown N falls back to
    /// the caller, and other roles' parameter is ignored.
    static func actingUser(_ call: SummerCall) async throws -> Int {
        let caller = call.caller
        guard caller.roleValue == .admin, case .text(let values)? = call.query()["user"], let text = values.last,
              let id = Int(text.trimmingCharacters(in: .whitespaces)), id >= Int(Int32.min), id <= Int(Int32.max),
              try await rowExists("summer_user", id: id, on: call.sql)
        else { return caller.id }
        return id
    }

    /// Locks the acting user's row for the rest of the transaction (a portable `SELECT … FOR UPDATE`), so one
    /// user's order creations run one after the other and each sees the orders committed before it.
    static func lockUser(_ userID: Int, on sql: any SQLDatabase) async throws {
        struct Locked: Decodable { let id: Int }
        guard try await sql.lockRow("summer_user", touching: "role", where: "id = \(bind: userID)", returning: "id", as: Locked.self) != nil
        else { throw AppError.notFound }
    }

    struct ChartCheck: Decodable {
        let id: Int
        let project_id: Int
        let user_id: Int
        let course_fee: Int64
        let status: String
    }

    /// Check 2 (D5): each id, in request order, names a NEW item of the acting user and is not a repeat;
    /// decision 15: no project twice in one order.
    static func checkCharts(_ ids: [Int], userID: Int, on sql: any SQLDatabase) async throws -> [ChartCheck] {
        let rows = try await sql.raw("""
            SELECT id, project_id, user_id, course_fee, status FROM summer_shopping_chart WHERE id IN (\(binds: ids))
            """).all(decoding: ChartCheck.self)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        var seen = Set<Int>()
        var charts: [ChartCheck] = []
        for id in ids {
            guard let chart = byID[id], chart.user_id == userID, chart.status == ChartStatus.new.rawValue,
                  seen.insert(id).inserted
            else { throw AppError.rule(OrderMessage.invalidChart(id)) }
            charts.append(chart)
        }
        if Set(charts.map(\.project_id)).count != charts.count {
            throw AppError.field("chart_ids", OrderMessage.sameProjectTwice)
        }
        return charts
    }

    struct CouponCheck: Decodable {
        let coupon_id: Int
        let status: String
        let amount: Int64
        let is_active: Bool
        let start_time: Int64
        let end_time: Int64
    }

    /// Check 3 (D6): each coupon id, in request order, is the acting user's TO_USE coupon, active and valid
    /// now, and not a repeat. Returns the amounts by coupon id.
    static func checkCoupons(_ ids: [Int], userID: Int, on sql: any SQLDatabase) async throws -> [Int: Int64] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT uc.coupon_id, uc.status, c.amount, c.is_active, c.start_time, c.end_time FROM summer_user_coupon uc \
            JOIN summer_coupon c ON c.id = uc.coupon_id WHERE uc.user_id = \(bind: userID) AND uc.coupon_id IN (\(binds: ids))
            """).all(decoding: CouponCheck.self)
        let byID = Dictionary(rows.map { ($0.coupon_id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = SummerTime.now()
        var amounts: [Int: Int64] = [:]
        for id in ids {
            guard let coupon = byID[id], coupon.status == CouponUseStatus.toUse.rawValue, coupon.is_active,
                  coupon.start_time <= now, now <= coupon.end_time, amounts[id] == nil
            else { throw AppError.rule(OrderMessage.invalidCoupon(id)) }
            amounts[id] = coupon.amount
        }
        return amounts
    }

    static func hasUnfinishedOrder(userID: Int, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT id FROM summer_order WHERE user_id = \(bind: userID) \
            AND status IN (\(binds: OrderStatus.unfinished.map(\.rawValue))) LIMIT 1
            """).first() != nil
    }

    /// §7 with the application fees read now.
    static func price(_ charts: [ChartCheck], coupons: [Int: Int64], on sql: any SQLDatabase) async throws -> OrderPrice {
        struct Project: Decodable { let id: Int; let apply_fee: Int64? }
        let projects = try await sql.raw("""
            SELECT id, apply_fee FROM summer_project WHERE id IN (\(binds: Array(Set(charts.map(\.project_id)))))
            """).all(decoding: Project.self)
        let applyFee = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.apply_fee) })
        return OrderPrice(
            lines: charts.map { OrderPrice.Line(applyFee: applyFee[$0.project_id] ?? nil, courseFee: $0.course_fee) },
            coupons: coupons)
    }

    /// `chart_ids` and `coupon_list` as link rows (D7).
    static func link(order orderID: Int, charts: [Int], coupons: [Int], on sql: any SQLDatabase) async throws {
        let chartInsert = sql.insert(into: "summer_order_chart").columns("order_id", "chart_id")
        for chart in charts { chartInsert.values(SQLBind(orderID), SQLBind(chart)) }
        try await chartInsert.run()
        guard !coupons.isEmpty else { return }
        let couponInsert = sql.insert(into: "summer_order_coupon").columns("order_id", "coupon_id")
        for coupon in coupons.sorted() { couponInsert.values(SQLBind(orderID), SQLBind(coupon)) }
        try await couponInsert.run()
    }

    /// TO_USE → LOCKED on the acting user's rows; every coupon must change exactly one row (D7).
    static func lockCoupons(_ ids: [Int], userID: Int, on sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        struct Locked: Decodable { let coupon_id: Int }
        let locked = Set(try await sql.raw("""
            UPDATE summer_user_coupon SET status = \(bind: CouponUseStatus.locked.rawValue) \
            WHERE user_id = \(bind: userID) AND status = \(bind: CouponUseStatus.toUse.rawValue) \
            AND coupon_id IN (\(binds: ids)) RETURNING coupon_id
            """).all(decoding: Locked.self).map(\.coupon_id))
        if let missing = ids.first(where: { !locked.contains($0) }) {
            throw AppError.rule(OrderMessage.invalidCoupon(missing))
        }
    }

    /// NEW → ORDERED on the acting user's items; every id must change one row (D7).
    static func consumeCharts(_ ids: [Int], userID: Int, at time: Int64, on sql: any SQLDatabase) async throws {
        struct Consumed: Decodable { let id: Int }
        let consumed = Set(try await sql.raw("""
            UPDATE summer_shopping_chart SET status = \(bind: ChartStatus.ordered.rawValue), modified_time = \(bind: time) \
            WHERE user_id = \(bind: userID) AND status = \(bind: ChartStatus.new.rawValue) AND id IN (\(binds: ids)) RETURNING id
            """).all(decoding: Consumed.self).map(\.id))
        if let missing = ids.first(where: { !consumed.contains($0) }) {
            throw AppError.rule(OrderMessage.invalidChart(missing))
        }
    }
}
