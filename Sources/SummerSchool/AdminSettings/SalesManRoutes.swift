import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/sales_man/...` (identity spec §9.3): sales consultants with an uploaded QR image. ADMIN-only;
/// no DELETE.
struct SalesManRoutes: SummerRouteModule {
    /// Where consultants' images are stored, under the media root.
    static let folder = "common/sales_man"

    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/sales_man", access: .admin) { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/admin/sales_man/{id}", access: .admin) { r in
            r.get { call in Reply.ok(SalesManItem(try await Self.find(try call.pathID(), on: call.sql), call: call)) }
            r.put { call in Reply.ok(try await Self.update(call)) }
            r.patch { call in Reply.ok(try await Self.update(call)) }
        }
    }

    static func list(_ call: SummerCall) async throws -> LinkedPage<SalesManItem> {
        let query = PagedQuery(
            filter: { $0.from("summer_sales_man") },
            select: { $0.column(SQLRaw(SalesManRow.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: SalesManRow.self) { rows in rows.map { SalesManItem($0, call: call) } }
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> SalesManRow {
        guard let row = try await sql.raw("SELECT \(unsafeRaw: SalesManRow.columns) FROM summer_sales_man WHERE id = \(bind: id)")
            .first(decoding: SalesManRow.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> SalesManItem {
        let fields = try SalesManFields(try await call.bodyReader(.create))
        let row = try await withStoredImage(fields.qrCode, call: call) { path in
            try await call.database.transaction { sql in
                let salesMan = NewSalesMan(
                    name: try fields.name.required, wechat: try fields.wechat.required, email: try fields.email.required,
                    qrCode: path ?? "")
                return try await sql.insertRow(salesMan, into: "summer_sales_man", returning: SalesManRow.columns, as: SalesManRow.self)
            }
        }
        return SalesManItem(row, call: call)
    }

    /// PUT and PATCH: a new image replaces the reference (the old file stays on disk); `""` clears it.
    static func update(_ call: SummerCall) async throws -> SalesManItem {
        let id = try call.pathID()
        _ = try await find(id, on: call.sql)
        let fields = try SalesManFields(try await call.bodyReader(call.writeMode))
        let row = try await withStoredImage(fields.qrCode, call: call) { path in
            try await call.database.transaction { sql in
                let update = sql.patch("summer_sales_man", id: id)
                    .set("name", ifSent: fields.name)
                    .set("wechat", ifSent: fields.wechat)
                    .set("email", ifSent: fields.email)
                if fields.qrCode.isPresent { update.set("qr_code", to: SQLBind(path ?? "")) }
                try await update.run()
                return try await find(id, on: sql)
            }
        }
        return SalesManItem(row, call: call)
    }

    /// Writes the image (if one was sent) before `work` and removes it again when `work` fails, so a failed
    /// request leaves no file behind.
    static func withStoredImage<T>(
        _ image: Field<Base64Image?>, call: SummerCall, _ work: (String?) async throws -> T
    ) async throws -> T {
        let store = MediaStore(root: call.settings.mediaRoot)
        guard case .value(let decoded?) = image else { return try await work(nil) }
        let path = try await store.save(decoded, in: folder)
        do {
            return try await work(path)
        } catch {
            store.remove(path)
            throw error
        }
    }
}
