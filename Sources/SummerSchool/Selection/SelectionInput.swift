import RegistrarCore
import SQLKit

/// Readers and look-ups shared by the selection endpoints: only the caller's own orders are visible (D11, D12).
enum SelectionInput {
    static let emptyList = "列表字段不能为空值。"
    /// Decision 19: selecting courses under an order that is not confirmed, whatever its status.
    static let orderNotConfirmed = AppError.rule("订单未确认支付，不能选课")

    /// `order`: an order of the caller (any other id, another student's included, is the catalogue's
    /// FK-not-found message on `order`). `confirmedOnly` also hides orders that are not CONFIRMED (D12), the status
    /// that opens course selection and the student's uploads (catalog spec §8.1).
    static func ownOrder(
        _ reader: FieldReader, caller: Int, confirmedOnly: Bool, on sql: any SQLDatabase
    ) async throws -> Int {
        struct Owned: Decodable { let status: OrderStatus }
        let field = try await reader.relatedID("order") { id in
            let order = try await sql.raw("""
                SELECT status FROM summer_order WHERE id = \(bind: id) AND user_id = \(bind: caller)
                """).first(decoding: Owned.self)
            guard let order else { return false }
            return !confirmedOnly || order.status == .confirmed
        }
        return field.value!  // required and not nullable: absent and null have thrown
    }

    /// A required, non-empty list of 32-bit integers: a JSON array, or repeated keys of a form (where an
    /// omitted list counts as empty, conventions §11). Item errors carry the list's name.
    static func idList(_ reader: FieldReader, _ name: String) throws -> [Int] {
        let items: [FieldReader.Raw]
        switch reader.input[name] {
        case nil:
            guard reader.isForm else { throw AppError.field(name, FieldMessage.required) }
            items = []
        case .json(.null): throw AppError.field(name, FieldMessage.null)
        case .file: throw AppError.field(name, FieldMessage.notList("InMemoryUploadedFile"))
        case .text(let values): items = values.map { .text($0) }
        case .json(.array(let values)): items = values.map { $0 == .null ? .null : .json($0) }
        case .json(let other): throw AppError.field(name, FieldMessage.notList(other.pythonTypeName))
        }
        guard !items.isEmpty else { throw AppError.field(name, emptyList) }
        return try items.map { item in
            if case .null = item { throw AppError.field(name, FieldMessage.null) }
            guard let number = FieldReader.integer(of: item) else { throw AppError.field(name, FieldMessage.notInteger) }
            if number > Int64(Int32.max) { throw AppError.field(name, FieldMessage.maxValue(Int(Int32.max))) }
            if number < Int64(Int32.min) { throw AppError.field(name, FieldMessage.minValue(Int(Int32.min))) }
            return Int(number)
        }
    }
}

