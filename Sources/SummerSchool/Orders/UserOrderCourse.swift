import RegistrarCore
import SQLKit

/// `GET /order/user_order_course/` (O15, D19): the caller's orders, newest first, each with its cart items
/// and the caller's course selections under it (with review state). Raw enum keys and the numeric owner, as
/// the contract's shape says.
enum UserOrderCourse {
    struct Item: Encodable, Sendable {
        let id: Int
        let user: Int
        let currency: String
        let payment: String
        let create_time: String
        let status: String
        let standard_fee: Money
        let pay_fee: Money
        @Nullable var remark: String?
        let charts: [CartItem]
        @Nullable var user_course: [Selection]?
    }

    struct Selection: Encodable, Sendable {
        let id: Int
        let course_code: String
        let name: String
        let max_num: Int
        let credit: Int
        let create_time: String
        let project: Int
        @Nullable var professor: String?
        @Nullable var start_time: String?
        @Nullable var end_time: String?
        @Nullable var address: String?
        let confirm_course: Review
    }

    struct Review: Encodable, Sendable {
        let score: Int
        @Nullable var score_grade: String?
        let reporting_time: Instant
        @Nullable var confirm_img: String?
        @Nullable var status: Choice?
    }

    struct SelectionRow: Decodable {
        let order_id: Int
        let project_id: Int
        let score: Int
        let score_grade: String?
        let reporting_time: Int64?
        let confirm_img: String?
        let status: String
        let id: Int
        let course_code: String
        let name: String
        let max_num: Int
        let credit: Int
        let create_time: Int64
        let professor: String?
        let start_time: String?
        let end_time: String?
        let address: String?
    }

    static func list(_ call: SummerCall) async throws -> [Item] {
        let userID = call.caller.id
        let sql = call.sql
        let orders = try await sql.raw("""
            SELECT \(unsafeRaw: OrderRow.columns) FROM summer_order WHERE user_id = \(bind: userID) ORDER BY id DESC
            """).all(decoding: OrderRow.self)
        guard !orders.isEmpty else { return [] }
        let orderIDs = orders.map(\.id)
        let charts = try await OrderLoader.charts(orderIDs: orderIDs, on: sql)
        let selections = try await sql.raw("""
            SELECT uc.order_id, uc.project_id, uc.score, uc.score_grade, uc.reporting_time, uc.confirm_img, uc.status, \
            k.id, k.course_code, k.name, k.max_num, k.credit, k.create_time, \
            cp.professor, cp.start_time, cp.end_time, cp.address FROM summer_user_course uc \
            JOIN summer_course k ON k.id = uc.course_id \
            LEFT JOIN summer_course_project cp ON cp.project_id = uc.project_id AND cp.course_id = uc.course_id \
            WHERE uc.user_id = \(bind: userID) AND uc.order_id IN (\(binds: orderIDs)) ORDER BY uc.id
            """).all(decoding: SelectionRow.self)
        let byOrder = Dictionary(grouping: selections, by: \.order_id)
        return orders.map { order in
            let chosen = byOrder[order.id].map { rows in
                rows.map { row in
                    Selection(
                        id: row.id, course_code: row.course_code, name: row.name, max_num: row.max_num,
                        credit: row.credit, create_time: SummerTime.render(row.create_time), project: row.project_id,
                        professor: row.professor, start_time: row.start_time, end_time: row.end_time, address: row.address,
                        confirm_course: Review(
                            score: row.score, score_grade: row.score_grade, reporting_time: Instant(row.reporting_time),
                            confirm_img: row.confirm_img.flatMap { $0.isEmpty ? nil : call.mediaURL($0) },
                            status: ChoiceSet.userCourseStatus.choice(row.status)))
                }
            }
            return Item(
                id: order.id, user: order.user_id, currency: order.currency, payment: order.payment,
                create_time: SummerTime.render(order.create_time), status: order.status,
                standard_fee: Money(cents: order.standard_fee), pay_fee: Money(cents: order.pay_fee),
                remark: order.remark, charts: charts[order.id] ?? [], user_course: chosen)
        }
    }
}
