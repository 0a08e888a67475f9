/// The writable fields of a coupon, validated in the contract's order (identity spec §7.2).
struct CouponFields: Sendable {
    var amount: Field<Int64>
    var info: Field<String>
    var startTime: Field<Int64>
    var endTime: Field<Int64>
    var maxNum: Field<Int>
    var isActive: Field<Bool>

    init(_ reader: FieldReader) throws {
        amount = try reader.money("amount", minCents: 0)  // D27: ≥ 0, half-up to cents
        info = try reader.string("info", max: 30)
        startTime = try reader.dateTime("start_time")
        endTime = try reader.dateTime("end_time")
        maxNum = try reader.int("max_num", min: 0)  // D27
        isActive = try reader.bool("is_active")
    }
}
