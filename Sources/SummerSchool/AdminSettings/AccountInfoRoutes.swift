import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/account_info/...` (identity spec §9.1): receiving accounts, one per payment method. ADMIN-only.
struct AccountInfoRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/account_info", access: .admin) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/admin/account_info/{id}", access: .admin) { r in
            r.get { call in Reply.ok(AccountInfoItem(try await Self.find(try call.pathID(), on: call.sql))) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
            r.delete { call in try await Self.delete(call) }
        }
    }

    static func list(_ call: SummerCall) async throws -> LinkedPage<AccountInfoItem> {
        let query = PagedQuery(
            filter: { $0.from("summer_payment_account_info") },
            select: { $0.column(SQLRaw(AccountInfoRow.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: AccountInfoRow.self) { $0.map(AccountInfoItem.init) }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> AccountInfoRow {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: AccountInfoRow.columns) FROM summer_payment_account_info WHERE id = \(bind: id)
            """).first(decoding: AccountInfoRow.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> AccountInfoItem {
        let fields = try await AccountInfoFields(try await call.bodyReader(.create), on: call.sql)
        let now = SummerTime.now()
        let row = try await unique(fields, on: call.sql, excluding: nil) {
            try await call.database.transaction { sql in
                let account = NewAccountInfo(
                    accountNumber: try fields.accountNumber.required, accountName: try fields.accountName.required,
                    openingBank: fields.openingBank.value, payment: try fields.payment.required, currency: try fields.currency.required,
                    swiftCode: fields.swiftCode.value, createTime: now)
                return try await sql.insertRow(
                    account, into: "summer_payment_account_info", returning: AccountInfoRow.columns, as: AccountInfoRow.self)
            }
        }
        return AccountInfoItem(row)
    }

    static func update(_ call: SummerCall) async throws -> AccountInfoItem {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let fields = try await AccountInfoFields(try await call.bodyReader(call.writeMode), on: call.sql, excluding: id)
        let row = try await unique(fields, on: call.sql, excluding: id) {
            try await call.database.transaction { sql in
                let update = sql.patch("summer_payment_account_info", id: id)
                    .set("account_number", ifSent: fields.accountNumber)
                    .set("account_name", ifSent: fields.accountName)
                    .set("opening_bank", ifSent: fields.openingBank)
                    .set("payment", ifSent: fields.payment)
                    .set("currency", ifSent: fields.currency)
                    .set("swift_code", ifSent: fields.swiftCode)
                try await update.run()
                return try await find(id, on: sql)
            }
        }
        return AccountInfoItem(row)
    }

    static func delete(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let id = try call.pathID()
        let deleted = try await call.database.transaction { sql in
            try await sql.raw("DELETE FROM summer_payment_account_info WHERE id = \(bind: id) RETURNING id").first() != nil
        }
        guard deleted else { throw AppError.notFound }
        return Reply.deleted()
    }

    /// A concurrent write that took the number or the method first: report the field it clashes on.
    static func unique<T>(
        _ fields: AccountInfoFields, on sql: any SQLDatabase, excluding: Int?, _ work: () async throws -> T) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation(work) {
            if let number = fields.accountNumber.value,
               try await AccountInfoFields.taken("account_number", number, excluding: excluding, on: sql) {
                return AppError.field("account_number", AccountInfoFields.numberTaken)
            }
            return AppError.field("payment", AccountInfoFields.paymentTaken)
        }
    }
}
