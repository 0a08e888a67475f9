import RegistrarCore
import SQLKit

/// Renders projects (object P) with their campus and fee table in a fixed number of queries, whatever the
/// number of projects: one for the projects (unless their rows are given), one for the campuses, one for the
/// fee rows. Every list or object that embeds P (projects, cart items, orders, selections) goes through here.
enum ProjectLoader {
    /// P for each id that exists (inactive projects included: orders keep showing what was bought), by id.
    static func load(ids: some Collection<Int>, on sql: any SQLDatabase) async throws -> [Int: CatalogProject] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await sql.select().column(SQLRaw(CatalogProject.Row.columns)).from("summer_project")
            .where("id", .in, SQLBind.group(unique))
            .all(decoding: CatalogProject.Row.self)
        let rendered = try await render(rows, on: sql)
        return Dictionary(uniqueKeysWithValues: rendered.map { ($0.id, $0) })
    }

    /// P for already-read project rows, in their order.
    static func render(_ rows: [CatalogProject.Row], on sql: any SQLDatabase) async throws -> [CatalogProject] {
        guard !rows.isEmpty else { return [] }
        let campusIDs = Array(Set(rows.map(\.campus_id)))
        let campuses = try await sql.select().column(SQLRaw(CatalogCampus.Row.columns)).from("summer_campus")
            .where("id", .in, SQLBind.group(campusIDs))
            .all(decoding: CatalogCampus.Row.self)
        let campusByID = Dictionary(uniqueKeysWithValues: campuses.map { ($0.id, CatalogCampus($0)) })
        let fees = try await sql.select().columns("id", "project_id", "course_number", "course_fee")
            .from("summer_project_course_fee")
            .where("project_id", .in, SQLBind.group(rows.map(\.id)))
            .orderBy("project_id").orderBy("course_number")
            .all(decoding: CatalogCourseFee.Row.self)
        let feesByProject = Dictionary(grouping: fees, by: \.project_id)
        return rows.compactMap { row in
            // campus_id is a NOT NULL foreign key, so the campus is always there.
            guard let campus = campusByID[row.campus_id] else { return nil }
            return CatalogProject(row, campus: campus, fees: (feesByProject[row.id] ?? []).map(CatalogCourseFee.init))
        }
    }
}
