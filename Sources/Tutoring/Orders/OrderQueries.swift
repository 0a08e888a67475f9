import RegistrarCore
import SQLKit

/// Order and price look-ups shared by the order and lesson routes.
enum OrderQueries {
    /// `preprice` of each live teacher among `ids`, in one query.
    static func liveTeacherPrices(_ ids: [Int], on sql: any SQLDatabase) async throws -> [Int: Int] {
        struct Price: Decodable { let id: Int; let preprice: Int }
        let rows = try await sql.raw("""
            SELECT id, preprice FROM tutoring_teacher WHERE id IN (\(binds: Array(Set(ids)))) AND deleted_at IS NULL
            """).all(decoding: Price.self)
        return Dictionary(rows.map { ($0.id, $0.preprice) }, uniquingKeysWith: { first, _ in first })
    }

    /// The state of a live order, nil when there is none.
    static func liveOrderState(_ id: Int, on sql: any SQLDatabase) async throws -> OrderState? {
        struct State: Decodable { let state: OrderState }
        return try await sql.raw("SELECT state FROM tutoring_orders WHERE id = \(bind: id) AND deleted_at IS NULL")
            .first(decoding: State.self)?.state
    }

    /// Locks the order row unless it is confirmed, else throws `refusal`: a concurrent order/confirm waits
    /// for this transaction (`lockRow`).
    static func lockUnconfirmedOrder(_ orderID: Int, on sql: any SQLDatabase, refusal: AppError) async throws {
        struct Locked: Decodable { let id: Int }
        let locked = try await sql.lockRow(
            "tutoring_orders", touching: "update_time",
            where: "id = \(bind: orderID) AND state <> \(bind: OrderState.confirmed.rawValue)", returning: "id", as: Locked.self)
        if locked == nil { throw refusal }
    }
}
