import RegistrarCore
import SQLKit

/// The operation history of orders (back office §6): append-only, written in the transaction of the change
/// it records, with the real caller as operator (D3).
enum OrderHistory {
    static func record(
        order orderID: Int, operator operatorID: Int, key: OperateKey, remark: String, at time: Int64,
        on sql: any SQLDatabase
    ) async throws {
        let row = NewOrderHistory(operatorId: operatorID, key: key.rawValue, createTime: time, remark: remark, sourceId: orderID)
        try await sql.insertRow(row, into: "summer_order_operate_history")
    }
}
