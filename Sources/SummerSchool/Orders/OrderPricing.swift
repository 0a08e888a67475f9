/// Order prices (catalog spec §7), in cents: every cart item pays its project's application fee (null = 0)
/// plus its course-fee snapshot; each distinct coupon is deducted once; the price never goes below zero.
struct OrderPrice: Sendable, Equatable {
    let standardFee: Int64
    let payFee: Int64

    struct Line: Sendable {
        let applyFee: Int64?
        let courseFee: Int64
    }

    init(standardFee: Int64, payFee: Int64) {
        self.standardFee = standardFee
        self.payFee = payFee
    }

    /// `coupons` maps coupon ids to their amounts, so a coupon listed twice still counts once.
    init(lines: [Line], coupons: [Int: Int64]) {
        standardFee = lines.reduce(0) { $0 + ($1.applyFee ?? 0) + $1.courseFee }
        let discount = coupons.values.reduce(0, +)
        payFee = max(standardFee - discount, 0)
    }
}
