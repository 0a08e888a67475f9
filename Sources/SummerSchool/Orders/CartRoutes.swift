import Hummingbird
import RegistrarCore
import SQLKit

/// `/order/shopping_chart/...` (O1–O5): the caller's cart. Only the caller's NEW items are visible; any other
/// id answers 404 (D14, §8.2).
struct CartRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/order/shopping_chart") { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/order/shopping_chart/{id}") { r in
            r.get { call in
                Reply.ok(try await CartLoader.item(try await Self.find(try call.pathID(), call: call, on: call.sql), on: call.sql))
            }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
            r.delete { call in try await Self.remove(call) }
        }
    }

    static func list(_ call: SummerCall) async throws -> LinkedPage<CartItem> {
        let userID = call.caller.id
        let query = PagedQuery(
            filter: {
                $0.from("summer_shopping_chart").where("user_id", .equal, SQLBind(userID))
                    .where("status", .equal, SQLBind(ChartStatus.new.rawValue))
            },
            select: { $0.column(SQLRaw(CartRow.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: CartRow.self) { rows in try await CartLoader.items(rows, on: call.sql) }
    }

    /// The caller's NEW item `id`, else 404.
    static func find(_ id: Int, call: SummerCall, on sql: any SQLDatabase) async throws -> CartRow {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: CartRow.columns) FROM summer_shopping_chart WHERE id = \(bind: id) \
            AND user_id = \(bind: call.caller.id) AND status = \(bind: ChartStatus.new.rawValue)
            """).first(decoding: CartRow.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> CartItem {
        let caller = call.caller
        let fields = try await CartFields(try await call.bodyReader(.create), caller: caller, stored: nil, on: call.sql)
        return try await call.database.transaction { sql in
            let fee = try await fields.courseFee(on: sql)
            let now = SummerTime.now()
            let item = NewCartItem(
                projectId: fields.projectID, userId: caller.id, courseNum: fields.courseNum, courseFee: fee, createTime: now,
                modifiedTime: now, stuScoreDetailId: fields.scoreDetailID)
            let row = try await sql.insertRow(item, into: "summer_shopping_chart", returning: CartRow.columns, as: CartRow.self)
            return try await CartLoader.item(row, on: sql)
        }
    }

    /// PUT and PATCH: the fee is re-read from the current table; an item ordered or deleted meanwhile is 404.
    static func update(_ call: SummerCall) async throws -> CartItem {
        let id = try call.pathID()
        let stored = try await find(id, call: call, on: call.sql)
        let caller = call.caller
        let fields = try await CartFields(
            try await call.bodyReader(call.writeMode), caller: caller, stored: stored, on: call.sql)
        return try await call.database.transaction { sql in
            let fee = try await fields.courseFee(on: sql)
            guard let row = try await sql.raw("""
                UPDATE summer_shopping_chart SET project_id = \(bind: fields.projectID), \
                course_num = \(bind: fields.courseNum), course_fee = \(bind: fee), \
                stu_score_detail_id = \(bind: fields.scoreDetailID), modified_time = \(bind: SummerTime.now()) \
                WHERE id = \(bind: id) AND user_id = \(bind: caller.id) AND status = \(bind: ChartStatus.new.rawValue) \
                RETURNING \(unsafeRaw: CartRow.columns)
                """).first(decoding: CartRow.self)
            else { throw AppError.notFound }
            return try await CartLoader.item(row, on: sql)
        }
    }

    /// Soft delete (NEW → DELETED); `data` null.
    static func remove(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let id = try call.pathID()
        let userID = call.caller.id
        let removed = try await call.database.transaction { sql in
            try await sql.raw("""
                UPDATE summer_shopping_chart SET status = \(bind: ChartStatus.deleted.rawValue), \
                modified_time = \(bind: SummerTime.now()) WHERE id = \(bind: id) AND user_id = \(bind: userID) \
                AND status = \(bind: ChartStatus.new.rawValue) RETURNING id
                """).first() != nil
        }
        guard removed else { throw AppError.notFound }
        return Reply.deleted()
    }
}
