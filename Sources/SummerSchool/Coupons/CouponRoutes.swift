import Hummingbird
import RegistrarCore
import SQLKit

/// `/coupon/coupon/...` (identity spec §7.1–7.5): ADMIN-only; no DELETE.
struct CouponRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/coupon/coupon", access: .admin) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/coupon/coupon/{id}", access: .admin) { r in
            r.get { call in Reply.ok(CouponItem(try await Self.find(try call.pathID(), on: call.sql))) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
        }
    }

    static func list(_ call: SummerCall) async throws -> LinkedPage<CouponItem> {
        let query = PagedQuery(
            filter: { $0.from("summer_coupon") },
            select: { $0.column(SQLRaw(CouponRow.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: CouponRow.self) { $0.map(CouponItem.init) }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> CouponRow {
        guard let row = try await sql.raw("SELECT \(unsafeRaw: CouponRow.columns) FROM summer_coupon WHERE id = \(bind: id)")
            .first(decoding: CouponRow.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> CouponItem {
        let fields = try CouponFields(try await call.bodyReader(.create))
        let now = SummerTime.now()
        let row = try await call.database.transaction { sql in
            // Codes are not unique by constraint; draw again on the (rare) clash.
            var code = CouponCode.generate()
            while try await sql.raw("SELECT id FROM summer_coupon WHERE coupon_code = \(bind: code)").first() != nil {
                code = CouponCode.generate()
            }
            let coupon = NewCoupon(
                couponCode: code, amount: try fields.amount.required, info: try fields.info.required, createTime: now,
                startTime: try fields.startTime.required, endTime: try fields.endTime.required, maxNum: try fields.maxNum.required,
                isActive: fields.isActive.value ?? true)
            return try await sql.insertRow(coupon, into: "summer_coupon", returning: CouponRow.columns, as: CouponRow.self)
        }
        return CouponItem(row)
    }

    /// PUT and PATCH: `create_time` is the time of the last save (auto-now); `coupon_code` never changes.
    static func update(_ call: SummerCall) async throws -> CouponItem {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let fields = try CouponFields(try await call.bodyReader(call.writeMode))
        let now = SummerTime.now()
        let row = try await call.database.transaction { sql in
            let update = sql.patch("summer_coupon", id: id).set("create_time", to: SQLBind(now))
                .set("amount", ifSent: fields.amount)
                .set("info", ifSent: fields.info)
                .set("start_time", ifSent: fields.startTime)
                .set("end_time", ifSent: fields.endTime)
                .set("max_num", ifSent: fields.maxNum)
                .set("is_active", ifSent: fields.isActive)
            try await update.run()
            return try await find(id, on: sql)
        }
        return CouponItem(row)
    }
}
