/// A `summer_payment_account_info` row and its rendering (identity spec §9.1).
struct AccountInfoRow: Decodable, Sendable {
    let id: Int
    let account_number: String
    let account_name: String
    let opening_bank: String?
    let payment: String
    let currency: String
    let swift_code: String?

    static let columns = "id, account_number, account_name, opening_bank, payment, currency, swift_code"
}

struct AccountInfoItem: Encodable, Sendable {
    let id: Int
    let account_number: String
    let account_name: String
    @Nullable var opening_bank: String?
    @Nullable var payment: Choice?
    @Nullable var currency: Choice?
    @Nullable var swift_code: String?

    init(_ row: AccountInfoRow) {
        id = row.id
        account_number = row.account_number
        account_name = row.account_name
        opening_bank = row.opening_bank
        payment = ChoiceSet.accountPayment.choice(row.payment)
        currency = ChoiceSet.currency.choice(row.currency)
        swift_code = row.swift_code
    }
}

/// A payment account as `POST /admin/account_info/` creates it.
struct NewAccountInfo: Encodable, Sendable {
    let accountNumber: String
    let accountName: String
    let openingBank: String?
    let payment: String
    let currency: String
    let swiftCode: String?
    let createTime: Int64
}
