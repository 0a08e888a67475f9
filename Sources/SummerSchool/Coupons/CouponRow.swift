/// A `summer_coupon` row and its rendering (identity spec §7).
struct CouponRow: Decodable, Sendable {
    let id: Int
    let coupon_code: String
    let amount: Int64  // cents
    let info: String
    let create_time: Int64
    let start_time: Int64
    let end_time: Int64
    let max_num: Int
    let is_active: Bool

    static let columns = "id, coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active"
}

struct CouponItem: Encodable, Sendable {
    let id: Int
    let coupon_code: String
    let amount: Money
    let info: String
    let start_time: String
    let end_time: String
    let max_num: Int
    let create_time: String
    let is_active: Bool

    init(_ row: CouponRow) {
        id = row.id
        coupon_code = row.coupon_code
        amount = Money(cents: row.amount)
        info = row.info
        start_time = SummerTime.render(row.start_time)
        end_time = SummerTime.render(row.end_time)
        max_num = row.max_num
        create_time = SummerTime.render(row.create_time)
        is_active = row.is_active
    }
}

/// A coupon as `POST /coupon/coupon/` creates it.
struct NewCoupon: Encodable, Sendable {
    let couponCode: String
    let amount: Int64
    let info: String
    let createTime: Int64
    let startTime: Int64
    let endTime: Int64
    let maxNum: Int
    let isActive: Bool
}
