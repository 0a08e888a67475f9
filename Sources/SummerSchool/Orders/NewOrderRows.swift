/// The rows the cart and orders insert (`insertRow`: camelCase properties are the snake_case columns).

struct NewCartItem: Encodable, Sendable {
    let projectId: Int
    let userId: Int
    let courseNum: Int
    let courseFee: Int64  // cents
    let createTime: Int64
    let modifiedTime: Int64
    var status = ChartStatus.new.rawValue
    let stuScoreDetailId: Int
}

/// A new order waits for payment.
struct NewOrder: Encodable, Sendable {
    let userId: Int
    let currency: String
    let payment: String
    var status = OrderStatus.toPay.rawValue
    let standardFee: Int64  // cents
    let payFee: Int64  // cents
    let createTime: Int64
    let modifiedTime: Int64
    let remark: String?
}

struct NewPaymentProof: Encodable, Sendable {
    let orderId: Int
    let amount: Int64  // cents
    let accountNumber: String
    let accountName: String
    let openingBank: String?
    let payDate: String
    let img: String
    let createTime: Int64
}

/// One line of the operation history of an order.
struct NewOrderHistory: Encodable, Sendable {
    let operatorId: Int
    let key: String
    let createTime: Int64
    let remark: String
    let sourceId: Int
}
