import RegistrarCore
import SQLKit

/// Renders orders — O, or the admin ORDER with its history — for a page (or any list) of order rows in a
/// fixed number of queries: owners with their student names and consultants (1), cart items (1) with their
/// projects (`ProjectLoader`, 3) and mailing addresses (1), payment accounts (1), payment proofs (1) and, for
/// the admin, the history with its operators (1).
enum OrderLoader {
    static func items(
        _ rows: [OrderRow], history: Bool = false, on sql: any SQLDatabase, mediaURL: (String) -> String
    ) async throws -> [OrderItem] {
        guard !rows.isEmpty else { return [] }
        let orderIDs = rows.map(\.id)
        let owners = try await owners(Array(Set(rows.map(\.user_id))), on: sql)
        let charts = try await charts(orderIDs: orderIDs, on: sql)
        let accounts = try await accounts(Set(rows.map(\.payment)), on: sql)
        let proofs = try await sql.raw("""
            SELECT \(unsafeRaw: PaymentProofRow.columns) FROM summer_order_payment \
            WHERE order_id IN (\(binds: orderIDs)) ORDER BY id
            """).all(decoding: PaymentProofRow.self)
        var proofByOrder: [Int: PaymentProofRow] = [:]
        for proof in proofs where proofByOrder[proof.order_id] == nil { proofByOrder[proof.order_id] = proof }
        let entries = history ? try await historyEntries(orderIDs: orderIDs, on: sql) : [:]

        return rows.map { row in
            let owner = owners[row.user_id]
            return OrderItem(
                id: row.id, user: owner?.student_name,
                currency: ChoiceSet.currency.choice(row.currency), payment: ChoiceSet.orderPayment.choice(row.payment),
                create_time: SummerTime.render(row.create_time), modified_time: SummerTime.render(row.modified_time),
                status: ChoiceSet.orderStatus.choice(row.status),
                standard_fee: Money(cents: row.standard_fee), pay_fee: Money(cents: row.pay_fee), remark: row.remark,
                charts: charts[row.id] ?? [], payment_info: accounts[row.payment].map(AccountInfoItem.init),
                order_payed_info: proofByOrder[row.id].map { PaymentProofItem($0, mediaURL: mediaURL) },
                sales_man: owner.flatMap { owner in
                    owner.sales_man_id.map { SalesManRef(id: $0, name: owner.sales_man_name ?? "") }
                },
                operation_history: history ? entries[row.id] ?? [] : nil)
        }
    }

    static func item(
        _ row: OrderRow, history: Bool = false, on sql: any SQLDatabase, mediaURL: (String) -> String
    ) async throws -> OrderItem {
        try await items([row], history: history, on: sql, mediaURL: mediaURL)[0]
    }

    struct Owner: Decodable {
        let id: Int
        let student_name: String?
        let sales_man_id: Int?
        let sales_man_name: String?
    }

    /// Owners by id. A student has at most one consultant link (unique index), so a plain join is enough.
    static func owners(_ userIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: Owner] {
        let rows = try await sql.raw("""
            SELECT u.id, si.name AS student_name, s.id AS sales_man_id, s.name AS sales_man_name FROM summer_user u \
            LEFT JOIN summer_student_info si ON si.user_id = u.id \
            LEFT JOIN summer_sales_man_user l ON l.user_id = u.id \
            LEFT JOIN summer_sales_man s ON s.id = l.sales_man_id \
            WHERE u.id IN (\(binds: userIDs))
            """).all(decoding: Owner.self)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct LinkedCart: Decodable {
        let order_id: Int
        let id: Int
        let project_id: Int
        let user_id: Int
        let course_num: Int
        let course_fee: Int64
        let create_time: Int64
        let status: String
        let stu_score_detail_id: Int

        var row: CartRow {
            CartRow(id: id, project_id: project_id, user_id: user_id, course_num: course_num, course_fee: course_fee,
                    create_time: create_time, status: status, stu_score_detail_id: stu_score_detail_id)
        }
    }

    /// Every order's cart items, whatever their status, ascending id.
    static func charts(orderIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: [CartItem]] {
        let links = try await sql.raw("""
            SELECT oc.order_id, c.id, c.project_id, c.user_id, c.course_num, c.course_fee, c.create_time, c.status, \
            c.stu_score_detail_id FROM summer_order_chart oc JOIN summer_shopping_chart c ON c.id = oc.chart_id \
            WHERE oc.order_id IN (\(binds: orderIDs)) ORDER BY c.id
            """).all(decoding: LinkedCart.self)
        let items = try await CartLoader.items(links.map(\.row), on: sql)
        let itemByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Int: [CartItem]] = [:]
        for link in links { if let item = itemByID[link.id] { result[link.order_id, default: []].append(item) } }
        return result
    }

    /// The receiving account of each payment method (OFF_LINE never has one).
    static func accounts(_ payments: Set<String>, on sql: any SQLDatabase) async throws -> [String: AccountInfoRow] {
        let methods = payments.filter { ChoiceSet.accountPayment.contains($0) }
        guard !methods.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: AccountInfoRow.columns) FROM summer_payment_account_info \
            WHERE payment IN (\(binds: Array(methods))) ORDER BY id
            """).all(decoding: AccountInfoRow.self)
        return Dictionary(rows.map { ($0.payment, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct HistoryRow: Decodable {
        let id: Int
        let operator_id: Int
        let create_time: Int64
        let source_id: Int
        let remark: String
        let name: String?
        let role: String
        let wx_name: String?
        let info_id: Int?
    }

    /// History entries by order, ascending id. The operator's name is the WeChat name of a student with a
    /// profile, else the account's name (back office H).
    static func historyEntries(orderIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: [OperationHistoryItem]] {
        let rows = try await sql.raw("""
            SELECT h.id, h.operator_id, h.create_time, h.source_id, h.remark, u.name, u.role, si.wx_name, si.id AS info_id \
            FROM summer_order_operate_history h JOIN summer_user u ON u.id = h.operator_id \
            LEFT JOIN summer_student_info si ON si.user_id = u.id \
            WHERE h.source_id IN (\(binds: orderIDs)) ORDER BY h.id
            """).all(decoding: HistoryRow.self)
        var result: [Int: [OperationHistoryItem]] = [:]
        for row in rows {
            let name = row.role == Role.student.rawValue && row.info_id != nil ? row.wx_name : row.name
            result[row.source_id, default: []].append(OperationHistoryItem(
                id: row.id,
                operator: .init(id: row.operator_id, name: name, role: ChoiceSet.role.choice(row.role)),
                create_time: SummerTime.render(row.create_time), source: row.source_id, remark: row.remark))
        }
        return result
    }
}
