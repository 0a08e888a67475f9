import RegistrarCore
import SQLKit

/// A `summer_shopping_chart` row (cart item).
struct CartRow: Decodable, Sendable {
    let id: Int
    let project_id: Int
    let user_id: Int
    let course_num: Int
    let course_fee: Int64  // cents
    let create_time: Int64
    let status: String
    let stu_score_detail_id: Int

    static let columns = "id, project_id, user_id, course_num, course_fee, create_time, status, stu_score_detail_id"
}

/// Cart item object SC (catalog spec §4): status, user and modified_time are not output.
struct CartItem: Encodable, Sendable {
    let id: Int
    let project: CatalogProject
    let course_num: Int
    let course_fee: Money
    let create_time: String
    let stu_score_detail: ScoreDetailRoutes.Record
}

/// Renders cart items with their projects (through `ProjectLoader`) and mailing addresses in a fixed number
/// of queries, whatever the number of items.
enum CartLoader {
    static func items(_ rows: [CartRow], on sql: any SQLDatabase) async throws -> [CartItem] {
        guard !rows.isEmpty else { return [] }
        let projects = try await ProjectLoader.load(ids: rows.map(\.project_id), on: sql)
        let details = try await sql.raw("""
            \(unsafeRaw: ScoreDetailRoutes.select) WHERE id IN \(SQLBind.group(Array(Set(rows.map(\.stu_score_detail_id)))))
            """).all(decoding: ScoreDetailRoutes.Record.self)
        let detailByID = Dictionary(uniqueKeysWithValues: details.map { ($0.id, $0) })
        // Both are NOT NULL foreign keys with cascading deletes, so they are always there.
        return rows.compactMap { row in
            guard let project = projects[row.project_id], let detail = detailByID[row.stu_score_detail_id] else { return nil }
            return CartItem(
                id: row.id, project: project, course_num: row.course_num, course_fee: Money(cents: row.course_fee),
                create_time: SummerTime.render(row.create_time), stu_score_detail: detail)
        }
    }

    static func item(_ row: CartRow, on sql: any SQLDatabase) async throws -> CartItem {
        guard let item = try await items([row], on: sql).first else { throw AppError.notFound }
        return item
    }
}
