import RegistrarCore
import SQLKit

/// The invariants re-checked after an import (import.md §4), each one SQL query over the whole tables.
enum ImportInvariants {
    static let examples = 10

    enum Kind { case int, money, text }

    struct Check {
        let title: String
        /// A SELECT whose rows are the violations; its first column orders them.
        let query: String
        let columns: [(String, Kind)]
    }

    static let checks: [Check] = [
        Check(
            title: "order fees differ from their cart items, project application fees and coupons (catalog-and-orders §7)",
            query: """
                SELECT id, standard_fee, expected_standard, pay_fee, \
                CASE WHEN standard_fee > discount THEN standard_fee - discount ELSE 0 END AS expected_pay FROM ( \
                SELECT o.id, o.standard_fee, o.pay_fee, CAST(COALESCE(s.total, 0) AS BIGINT) AS expected_standard, \
                CAST(COALESCE(d.total, 0) AS BIGINT) AS discount FROM summer_order o \
                LEFT JOIN (SELECT oc.order_id, SUM(COALESCE(p.apply_fee, 0) + c.course_fee) AS total \
                FROM summer_order_chart oc JOIN summer_shopping_chart c ON c.id = oc.chart_id \
                JOIN summer_project p ON p.id = c.project_id GROUP BY oc.order_id) s ON s.order_id = o.id \
                LEFT JOIN (SELECT ok.order_id, SUM(k.amount) AS total FROM summer_order_coupon ok \
                JOIN summer_coupon k ON k.id = ok.coupon_id GROUP BY ok.order_id) d ON d.order_id = o.id) x \
                WHERE standard_fee <> expected_standard \
                OR pay_fee <> CASE WHEN standard_fee > discount THEN standard_fee - discount ELSE 0 END
                """,
            columns: [("id", .int), ("standard_fee", .money), ("expected_standard", .money), ("pay_fee", .money), ("expected_pay", .money)]),
        Check(
            title: "cart items whose course_fee is not their project's fee for that course count",
            query: """
                SELECT c.id, c.project_id, c.course_num, c.course_fee FROM summer_shopping_chart c \
                LEFT JOIN summer_project_course_fee f ON f.project_id = c.project_id AND f.course_number = c.course_num \
                WHERE f.id IS NULL OR f.course_fee <> c.course_fee
                """,
            columns: [("id", .int), ("project_id", .int), ("course_num", .int), ("course_fee", .money)]),
        Check(
            title: "students with more than one unfinished (TO_PAY or TO_CONFIRM) order",
            query: """
                SELECT user_id, COUNT(*) AS orders, MIN(id) AS first_order, MAX(id) AS last_order FROM summer_order \
                WHERE status IN ('TO_PAY', 'TO_CONFIRM') GROUP BY user_id HAVING COUNT(*) > 1
                """,
            columns: [("user_id", .int), ("orders", .int), ("first_order", .int), ("last_order", .int)]),
        Check(
            title: "student coupons whose status does not follow their orders (CONFIRMED → USED, unfinished → LOCKED, else TO_USE)",
            query: """
                SELECT id, user_id, coupon_id, status, expected FROM (SELECT uc.id, uc.user_id, uc.coupon_id, uc.status, \
                CASE WHEN a.confirmed > 0 THEN 'USED' WHEN a.unfinished > 0 THEN 'LOCKED' ELSE 'TO_USE' END AS expected \
                FROM summer_user_coupon uc LEFT JOIN (SELECT o.user_id, oc.coupon_id, \
                SUM(CASE WHEN o.status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed, \
                SUM(CASE WHEN o.status IN ('TO_PAY', 'TO_CONFIRM') THEN 1 ELSE 0 END) AS unfinished \
                FROM summer_order_coupon oc JOIN summer_order o ON o.id = oc.order_id GROUP BY o.user_id, oc.coupon_id) a \
                ON a.user_id = uc.user_id AND a.coupon_id = uc.coupon_id) x WHERE status <> expected
                """,
            columns: [("id", .int), ("user_id", .int), ("coupon_id", .int), ("status", .text), ("expected", .text)]),
        Check(
            title: "orders using a coupon their student was not given",
            query: """
                SELECT oc.order_id, oc.coupon_id FROM summer_order_coupon oc JOIN summer_order o ON o.id = oc.order_id \
                LEFT JOIN summer_user_coupon uc ON uc.user_id = o.user_id AND uc.coupon_id = oc.coupon_id WHERE uc.id IS NULL
                """,
            columns: [("order_id", .int), ("coupon_id", .int)]),
        Check(
            title: "course offerings (project, course) selected by more students than the course's max_num",
            query: """
                SELECT uc.project_id, uc.course_id, COUNT(*) AS selections, c.max_num FROM summer_user_course uc \
                JOIN summer_course c ON c.id = uc.course_id GROUP BY uc.project_id, uc.course_id, c.max_num \
                HAVING COUNT(*) > c.max_num
                """,
            columns: [("project_id", .int), ("course_id", .int), ("selections", .int), ("max_num", .int)]),
    ]

    private struct Count: Decodable { let n: Int }

    static func run(on sql: any SQLDatabase, isSQLite: Bool) async throws -> [InvariantWarning] {
        if !isSQLite {
            // The tables were empty when the transaction began: without fresh statistics PostgreSQL plans these
            // whole-table checks as if they still were.
            for table in ImportTable.all { try await sql.raw("ANALYZE \(ident: table.name)").run() }
        }
        var warnings: [InvariantWarning] = []
        for check in checks {
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM (\(unsafeRaw: check.query)) v").first(decoding: Count.self)?.n ?? 0
            guard count > 0 else { continue }
            let rows = try await sql.raw("SELECT * FROM (\(unsafeRaw: check.query)) v ORDER BY 1, 2 LIMIT \(unsafeRaw: String(examples))").all()
            let lines = try rows.map { row in
                try check.columns.map { name, kind in
                    switch kind {
                    case .int: return "\(name) \(try row.decode(column: name, as: Int64.self))"
                    case .money: return "\(name) \(Money(cents: try row.decode(column: name, as: Int64.self)).decimal)"
                    case .text: return "\(name) \(try row.decode(column: name, as: String.self))"
                    }
                }.joined(separator: ", ")
            }
            warnings.append(InvariantWarning(title: check.title, count: count, examples: lines))
        }
        return warnings
    }
}
