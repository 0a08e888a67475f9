import Hummingbird
import RegistrarCore
import SQLKit

/// `/market/channel/...` (identity spec §8; decisions 9/36): every staff role reads, MARKET and ADMIN write,
/// STUDENT gets 403.
struct ChannelRoutes: SummerRouteModule {
    static let writers = Access.roles(.market, .admin)

    func register(_ routes: SummerRoutes) {
        routes.collection("/market/channel", access: .staff) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post(access: Self.writers) { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/market/channel/{id}", access: .staff) { r in
            r.get { call in Reply.ok(ChannelItem(try await Self.find(try call.pathID(), on: call.sql))) }
            r.put(access: Self.writers) { call in Reply.ok(try await Self.update(call)) }
            r.patch(access: Self.writers) { call in Reply.ok(try await Self.update(call)) }
            r.delete(access: Self.writers) { call in try await Self.delete(call) }
        }
    }

    static func list(_ call: SummerCall) async throws -> LinkedPage<ChannelItem> {
        let query = PagedQuery(
            filter: { $0.from(SQLRaw(ChannelRow.from)) },
            select: { $0.column(SQLRaw(ChannelRow.columns)).orderBy(SQLRaw("c.id")) })
        return try await call.page(query, decoding: ChannelRow.self) { $0.map(ChannelItem.init) }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> ChannelRow {
        guard let row = try await sql.raw("\(unsafeRaw: ChannelRow.select) WHERE c.id = \(bind: id)").first(decoding: ChannelRow.self)
        else { throw AppError.notFound }
        return row
    }

    /// Inserts in one transaction, then stores the permanent WeChat QR code of scene `channel_id_<id>`
    /// (`""` if WeChat fails), requested outside the transaction.
    static func create(_ call: SummerCall) async throws -> ChannelItem {
        let fields = try await ChannelFields(try await call.bodyReader(.create), on: call.sql)
        let now = SummerTime.now()
        var row = try await uniqueName {
            try await call.database.transaction { sql in
                let channel = NewChannel(
                    name: try fields.name.required, planDate: try fields.planDate.required, salesManId: try fields.salesMan.required,
                    planStudentNumber: try fields.planStudentNumber.required,
                    planFileStudentNumber: try fields.planFileStudentNumber.required,
                    planPayedStudentNumber: try fields.planPayedStudentNumber.required, createTime: now, modifiedTime: now)
                let id = try await sql.insertRow(channel, into: "summer_market_channel")
                return try await find(id, on: sql)
            }
        }
        row.qr_code = try await PermanentQRCode.attach(
            to: "summer_market_channel", id: row.id, scene: "channel_id_\(row.id)", call: call)
        return ChannelItem(row)
    }

    /// PUT and PATCH; the QR code is not regenerated.
    static func update(_ call: SummerCall) async throws -> ChannelItem {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let fields = try await ChannelFields(try await call.bodyReader(call.writeMode), on: call.sql, excluding: id)
        let now = SummerTime.now()
        let row = try await uniqueName {
            try await call.database.transaction { sql in
                let update = sql.patch("summer_market_channel", id: id).set("modified_time", to: SQLBind(now))
                    .set("name", ifSent: fields.name)
                    .set("plan_date", ifSent: fields.planDate)
                    .set("sales_man_id", ifSent: fields.salesMan)
                    .set("plan_student_number", ifSent: fields.planStudentNumber)
                    .set("plan_file_student_number", ifSent: fields.planFileStudentNumber)
                    .set("plan_payed_student_number", ifSent: fields.planPayedStudentNumber)
                try await update.run()
                return try await find(id, on: sql)
            }
        }
        return ChannelItem(row)
    }

    /// Deletes the channel (its `user_channel` rows cascade); profiles keep the dangling `channel_id`.
    static func delete(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let id = try call.pathID()
        let deleted = try await call.database.transaction { sql in
            try await sql.raw("DELETE FROM summer_user_channel WHERE channel_id = \(bind: id)").run()
            return try await sql.raw("DELETE FROM summer_market_channel WHERE id = \(bind: id) RETURNING id").first() != nil
        }
        guard deleted else { throw AppError.notFound }
        return Reply.deleted()
    }

    /// A concurrent write that took the same name first surfaces as the uniqueness message.
    static func uniqueName<T>(_ work: () async throws -> T) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation(work, to: { AppError.field("name", ChannelFields.nameTaken) })
    }
}
