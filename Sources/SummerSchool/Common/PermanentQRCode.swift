import RegistrarCore
import SQLKit

/// The permanent WeChat QR code of a new channel or staff account (conventions §16, identity §8.2/§9.2.2).
///
/// The row is created first, in its own transaction; the QR code is requested afterwards, outside any
/// transaction, because WeChat is a network call and must never hold the database's write lock; then the
/// URL is stored (`""` when WeChat fails, §16.2).
enum PermanentQRCode {
    /// Requests the QR code of `scene` and stores it in `table.qr_code` of row `id`; returns what was stored.
    /// If storing fails, the new row is removed again so that the failed create leaves nothing behind.
    static func attach(to table: String, id: Int, scene: String, call: SummerCall) async throws -> String {
        let url = await call.wechat.permanentQRCode(scene: scene)
        // Short transactions of their own: they wait for the write lock like every other write.
        do {
            try await call.database.transaction { sql in
                try await sql.raw("UPDATE \(ident: table) SET qr_code = \(bind: url) WHERE id = \(bind: id)").run()
            }
        } catch {
            _ = try? await call.database.transaction { sql in
                try await sql.raw("DELETE FROM \(ident: table) WHERE id = \(bind: id)").run()
            }
            throw error
        }
        return url
    }
}
