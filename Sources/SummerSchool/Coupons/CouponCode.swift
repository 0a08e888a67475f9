/// Coupon codes: 10 distinct characters of `[0-9A-Z]` (identity spec §1.9), from the secure generator.
enum CouponCode {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(alphabet.shuffled(using: &generator).prefix(10))
    }
}
