/// The states and enumerations of the order module (catalog spec §3.3, §8), stored as their keys.

/// `Order.STATUS`. Unfinished orders (TO_PAY, TO_CONFIRM) block a new order; the other three are final.
enum OrderStatus: String, CaseIterable, Decodable, Sendable {
    case canceled = "CANCELED"
    case toPay = "TO_PAY"
    case toConfirm = "TO_CONFIRM"
    case confirmed = "CONFIRMED"
    case confirmFailed = "CONFIRM_FAILED"

    static let unfinished: [OrderStatus] = [.toPay, .toConfirm]

    /// Why an order in this status takes no payment proof (O6, D9); nil for TO_PAY.
    var paymentRefusal: String? {
        switch self {
        case .toPay: return nil
        case .canceled: return "该订单已被取消，不能进行更新任何操作"
        case .toConfirm: return "订单已支付但未确认, 请联系管理员确认订单"
        case .confirmed: return "管理员已确认该订单，不能进行任何更新操作"
        case .confirmFailed: return "管理员已确认订单支付认证失败，不能进行任何更新操作"
        }
    }

    /// Why an order in this status cannot be cancelled (O11); nil for TO_PAY.
    var cancelRefusal: String? {
        switch self {
        case .toPay: return nil
        case .canceled: return "订单已被取消"
        default: return "无法取消该订单"
        }
    }
}

/// `ShoppingChart.STATUS`: NEW → ORDERED (order creation) or DELETED (removed from the cart).
enum ChartStatus: String, Sendable {
    case new = "NEW"
    case ordered = "ORDERED"
    case deleted = "DELETED"
}

/// `UserCoupon.STATUS` as orders drive it: TO_USE → LOCKED on creation; LOCKED → TO_USE on cancel or failed
/// payment, LOCKED → USED on confirmation.
enum CouponUseStatus: String, Sendable {
    case toUse = "TO_USE"
    case locked = "LOCKED"
    case used = "USED"
}

/// `OrderOperateHistory.OPERATE_KEY`.
enum OperateKey: String, Sendable {
    case create = "CREATE"
    case update = "UPDATE"
    case delete = "DELETE"
}

/// What an admin decides about a payment proof (back office H3).
enum PaymentVerdict: Sendable {
    case confirmed, failed

    /// The accepted body values; `CONFIRMED_FAILED` is the original's spelling, kept as an alias (DV-17).
    init?(_ text: String) {
        switch text {
        case "CONFIRMED": self = .confirmed
        case "CONFIRM_FAILED", "CONFIRMED_FAILED": self = .failed
        default: return nil
        }
    }

    var status: OrderStatus { self == .confirmed ? .confirmed : .confirmFailed }
    /// Where the order's locked coupons go.
    var couponStatus: CouponUseStatus { self == .confirmed ? .used : .toUse }
    var remark: String { self == .confirmed ? OrderRemark.confirmed : OrderRemark.failed }
}

/// The remarks of the operation history (back office §6).
enum OrderRemark {
    static let created = "创建了订单"
    static let canceled = "取消了订单"
    static let paid = "上传了订单支付信息"
    static let confirmed = "订单支付成功，已确认"
    static let failed = "订单支付失败，验证失败"
}
