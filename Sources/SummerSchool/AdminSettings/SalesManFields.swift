/// The writable fields of a consultant, in the contract's order (identity spec §9.3).
struct SalesManFields: Sendable {
    var name: Field<String>
    var wechat: Field<String>
    var email: Field<String>
    var qrCode: Field<Base64Image?>

    init(_ reader: FieldReader) throws {
        name = try reader.string("name", max: 30)
        wechat = try reader.string("wechat", max: 30)
        email = try reader.string("email", max: 30, email: true)
        qrCode = try reader.base64Image("qr_code")
    }
}
