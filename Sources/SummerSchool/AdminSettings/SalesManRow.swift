/// A `summer_sales_man` row and its admin rendering (identity spec §9.3).
struct SalesManRow: Decodable, Sendable {
    let id: Int
    let name: String
    let wechat: String
    let email: String
    let qr_code: String  // relative media path, "" = no image

    static let columns = "id, name, wechat, email, qr_code"
}

struct SalesManItem: Encodable, Sendable {
    let id: Int
    let name: String
    let wechat: String
    let email: String
    /// Absolute URL (decision 27), null without an image.
    @Nullable var qr_code: String?

    init(_ row: SalesManRow, call: SummerCall) {
        id = row.id
        name = row.name
        wechat = row.wechat
        email = row.email
        qr_code = row.qr_code.isEmpty ? nil : call.mediaURL(row.qr_code)
    }
}

/// A sales consultant as `POST /admin/sales_man/` creates it.
struct NewSalesMan: Encodable, Sendable {
    let name: String
    let wechat: String
    let email: String
    let qrCode: String
}
