import RegistrarCore

/// A `summer_order` row.
struct OrderRow: Decodable, Sendable {
    let id: Int
    let user_id: Int
    let currency: String
    let payment: String
    let status: String
    let standard_fee: Int64  // cents
    let pay_fee: Int64  // cents
    let create_time: Int64
    let modified_time: Int64
    let remark: String?

    static let columns =
        "id, user_id, currency, payment, status, standard_fee, pay_fee, create_time, modified_time, remark"
    /// The same columns of the table aliased `o`.
    static let aliasedColumns =
        "o.id, o.user_id, o.currency, o.payment, o.status, o.standard_fee, o.pay_fee, o.create_time, o.modified_time, o.remark"
}

/// Order object O (catalog spec §4); with `operation_history` it is the admin ORDER (back office H).
struct OrderItem: Encodable, Sendable {
    let id: Int
    @Nullable var user: String?
    @Nullable var currency: Choice?
    @Nullable var payment: Choice?
    let create_time: String
    let modified_time: String
    @Nullable var status: Choice?
    let standard_fee: Money
    let pay_fee: Money
    @Nullable var remark: String?
    let charts: [CartItem]
    @Nullable var payment_info: AccountInfoItem?
    @Nullable var order_payed_info: PaymentProofItem?
    @Nullable var sales_man: SalesManRef?
    /// Admin ORDER only; left out of O.
    let operation_history: [OperationHistoryItem]?
}

/// `{id, name}` of the owner's sales consultant.
struct SalesManRef: Encodable, Sendable {
    let id: Int
    let name: String
}

/// A `summer_order_payment` row (payment proof).
struct PaymentProofRow: Decodable, Sendable {
    let id: Int
    let order_id: Int
    let amount: Int64  // cents
    let account_number: String
    let account_name: String
    let opening_bank: String?
    let pay_date: String
    let img: String

    static let columns = "id, order_id, amount, account_number, account_name, opening_bank, pay_date, img"
}

/// Payment proof object OP (catalog spec §4); `img` is an absolute media URL (decision 27).
struct PaymentProofItem: Encodable, Sendable {
    let id: Int
    let order: Int
    let account_number: String
    let account_name: String
    @Nullable var opening_bank: String?
    let pay_date: String
    let img: String
    let amount: Money

    init(_ row: PaymentProofRow, mediaURL: (String) -> String) {
        id = row.id
        order = row.order_id
        account_number = row.account_number
        account_name = row.account_name
        opening_bank = row.opening_bank
        pay_date = row.pay_date
        img = mediaURL(row.img)
        amount = Money(cents: row.amount)
    }
}

/// One entry of an order's operation history as the admin ORDER shows it (back office H, §6).
struct OperationHistoryItem: Encodable, Sendable {
    struct Operator: Encodable, Sendable {
        let id: Int
        @Nullable var name: String?
        @Nullable var role: Choice?
    }

    let id: Int
    let `operator`: Operator
    let create_time: String
    let source: Int
    let remark: String
}
