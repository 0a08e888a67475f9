import RegistrarCore
import SQLKit

/// Per-project applicant and payer counts (back office §C, DV-8, DV-9, decision 22), used by the project list
/// and the campus overview: distinct students with an order of any status (cancelled included) containing the
/// project, and distinct students with a CONFIRMED one. An order contains a project through its cart items
/// (summer_order_chart → summer_shopping_chart.project_id). One grouped query.
enum ProjectFigures {
    struct Figures: Sendable, Equatable {
        var applyed = 0
        var payed = 0
    }

    private struct Row: Decodable {
        let project_id: Int
        let applyed: Int
        let payed: Int
    }

    /// Figures of the projects with `ids` (nil = every project), by project id; projects without any order are
    /// absent (0 / 0).
    static func load(projectIDs ids: [Int]?, on sql: any SQLDatabase) async throws -> [Int: Figures] {
        if let ids, ids.isEmpty { return [:] }
        let restriction: SQLQueryString = ids.map { "WHERE sc.project_id IN (\(binds: $0))" } ?? ""
        let rows = try await sql.raw("""
            SELECT sc.project_id, COUNT(DISTINCT o.user_id) AS applyed, \
            COUNT(DISTINCT CASE WHEN o.status = \(bind: OrderStatus.confirmed.rawValue) THEN o.user_id END) AS payed \
            FROM summer_shopping_chart sc \
            JOIN summer_order_chart oc ON oc.chart_id = sc.id \
            JOIN summer_order o ON o.id = oc.order_id \
            \(restriction) GROUP BY sc.project_id
            """).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.project_id, Figures(applyed: $0.applyed, payed: $0.payed)) })
    }
}
