import RegistrarCore

/// Field readers the order module needs beyond the shared ones.
extension FieldReader {
    /// A list of 32-bit integers (`ListField(child=IntegerField)`); `allowEmpty: false` refuses `[]` with
    /// `列表字段不能为空值。`. A JSON null counts as absent when `nullable`.
    func intList(_ name: String, required: Bool, allowEmpty: Bool = true, nullable: Bool = false) throws -> Field<[Int]> {
        let items: [Raw]
        switch input[name] {
        case nil:
            if required && !mode.isPartial { throw AppError.field(name, FieldMessage.required) }
            return .absent
        case .json(.null):
            if nullable { return .null }
            throw AppError.field(name, FieldMessage.null)
        case .file:
            throw AppError.field(name, FieldMessage.notList("InMemoryUploadedFile"))
        case .text(let values):
            items = values.map { .text($0) }
        case .json(.array(let values)):
            items = values.map { .json($0) }
        case .json(let other):
            throw AppError.field(name, FieldMessage.notList(other.pythonTypeName))
        }
        if items.isEmpty && !allowEmpty { throw AppError.field(name, OrderMessage.emptyList) }
        return .value(try items.map { item in
            guard let number = Self.integer(of: item) else { throw AppError.field(name, FieldMessage.notInteger) }
            if number > Int64(Int32.max) { throw AppError.field(name, FieldMessage.maxValue(Int(Int32.max))) }
            if number < Int64(Int32.min) { throw AppError.field(name, FieldMessage.minValue(Int(Int32.min))) }
            return Int(number)
        })
    }
}

/// Client-visible messages of the order module (catalog spec §6).
enum OrderMessage {
    static let emptyList = "列表字段不能为空值。"
    static let noFeeRow = "项目课程数量错误，请重新选择"
    static let unfinished = "有未完成的订单，不能创建新的订单"
    static let sameProjectTwice = "同一项目不能重复下单"
    static let noUnfinished = "没有未完成的订单，可以创建"

    static func invalidChart(_ id: Int) -> String { "无效的chart_id: \(id)，请检查传入参数" }
    static func invalidCoupon(_ id: Int) -> String { "无效的优惠券, coupon_id: \(id)" }
}
