import RegistrarCore
import SQLKit

/// The writable fields of a payment account, in the contract's order; each uniqueness check runs right
/// after its field, as the original's field validators did (identity spec §9.1, D13, decision 3).
struct AccountInfoFields: Sendable {
    static let numberTaken = FieldMessage.taken("账号")
    static let paymentTaken = "该支付方式的账户已存在"

    var accountNumber: Field<String>
    var accountName: Field<String>
    var openingBank: Field<String>
    var payment: Field<String>
    var currency: Field<String>
    var swiftCode: Field<String>

    /// `excluding` is the account being updated.
    init(_ reader: FieldReader, on sql: any SQLDatabase, excluding: Int? = nil) async throws {
        accountNumber = try reader.string("account_number", max: 30)
        if let value = accountNumber.value, try await Self.taken("account_number", value, excluding: excluding, on: sql) {
            throw AppError.field("account_number", Self.numberTaken)
        }
        accountName = try reader.string("account_name", max: 30)
        openingBank = try reader.string("opening_bank", required: false, nullable: true, max: 30)
        payment = try reader.choice("payment", .accountPayment)
        if let value = payment.value, try await Self.taken("payment", value, excluding: excluding, on: sql) {
            throw AppError.field("payment", Self.paymentTaken)
        }
        currency = try reader.choice("currency", .currency)
        swiftCode = try reader.string("swift_code", required: false, nullable: true, max: 30)
    }

    static func taken(_ column: String, _ value: String, excluding: Int?, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT id FROM summer_payment_account_info WHERE \(ident: column) = \(bind: value) AND id <> \(bind: excluding ?? 0)
            """).first() != nil
    }
}
