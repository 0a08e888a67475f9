import FluentKit

/// Receiving accounts shown to payers, one per payment method (identity spec §1.13, D13).
struct CreateSummerPaymentAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("summer_payment_account_info")
            .field("id", .int, .identifier(auto: true))
            .field("account_number", .string, .required)
            .field("account_name", .string, .required)
            .field("opening_bank", .string)
            .field("payment", .string, .required)
            .field("currency", .string, .required)
            .field("swift_code", .string)
            .field("create_time", .int64, .required)
            .unique(on: "account_number")
            .unique(on: "payment")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("summer_payment_account_info").delete()
    }
}
