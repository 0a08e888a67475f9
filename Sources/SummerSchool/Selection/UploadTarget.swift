import RegistrarCore
import SQLKit

/// The course record a student's proof upload acts on (S24, S26, D12): the caller's row for (order, the cart
/// item's project, course). The order must be the caller's and CONFIRMED, else the FK-not-found message on
/// `order`; the state checks look at this row only, never at another course of the project.
struct UploadTarget: Sendable {
    let chartID: Int
    let courseID: Int
    let orderID: Int

    struct Row: Decodable, Sendable {
        let id: Int
        let status: String
        let credit_switch_status: String

        static let columns = "id, status, credit_switch_status"
    }

    static let notFound = AppError.rule("未找到用户所选课程，请检查传入参数")

    /// Field errors, in the field order chart_id, course, order.
    static func read(_ reader: FieldReader, call: SummerCall) async throws -> UploadTarget {
        let chart = try reader.int("chart_id").value!
        let course = try await reader.relatedRow("course", table: "summer_course", on: call.sql).value!
        let order = try await SelectionInput.ownOrder(reader, caller: call.caller.id, confirmedOnly: true, on: call.sql)
        return UploadTarget(chartID: chart, courseID: course, orderID: order)
    }

    /// The target row, after the cart-item checks of S24 steps 3–4 and the missing-row check.
    func row(userID: Int, on sql: any SQLDatabase) async throws -> Row {
        struct Chart: Decodable { let project_id: Int }
        guard let chart = try await sql.raw("""
            SELECT c.project_id FROM summer_order_chart oc JOIN summer_shopping_chart c ON c.id = oc.chart_id \
            WHERE oc.order_id = \(bind: orderID) AND oc.chart_id = \(bind: chartID)
            """).first(decoding: Chart.self)
        else {
            // The order's cart items always exist (foreign keys), so `无效的chart_id` of the original cannot
            // follow: an id outside the order is this message.
            throw AppError.rule("chart_id: \(chartID) 不属于该订单")
        }
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: Row.columns) FROM summer_user_course WHERE user_id = \(bind: userID) \
            AND order_id = \(bind: orderID) AND project_id = \(bind: chart.project_id) AND course_id = \(bind: courseID)
            """).first(decoding: Row.self)
        else { throw Self.notFound }
        return row
    }

    /// Locks the row inside the writing transaction (a no-op `UPDATE … RETURNING`, on both databases) and
    /// returns its current state, so the state checks and the write see the same row.
    static func lock(_ id: Int, on sql: any SQLDatabase) async throws -> Row {
        guard let row = try await sql.lockRow(
            "summer_user_course", touching: "modified_time", where: "id = \(bind: id)", returning: Row.columns, as: Row.self)
        else { throw notFound }
        return row
    }
}
