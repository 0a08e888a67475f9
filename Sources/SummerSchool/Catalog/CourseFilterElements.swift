import SQLKit

/// `GET /source/course/filter_elements/` (catalog spec S17, back office C4): every campus with every project,
/// inactive ones included, both ascending id; two queries whatever the size.
struct CourseFilterElements: Encodable, Sendable {
    let id: Int
    let name: String
    let info: String
    let create_time: String
    let project_set: [ProjectName]

    struct ProjectName: Encodable, Sendable {
        let id: Int
        @Nullable var name: String?
    }

    private struct CampusRow: Decodable { let id: Int; let name: String; let info: String; let create_time: Int64 }
    private struct ProjectRow: Decodable { let id: Int; let campus_id: Int; let name: String? }

    static func load(on sql: any SQLDatabase) async throws -> [CourseFilterElements] {
        let campuses = try await sql.raw("SELECT id, name, info, create_time FROM summer_campus ORDER BY id")
            .all(decoding: CampusRow.self)
        let projects = try await sql.raw("SELECT id, campus_id, name FROM summer_project ORDER BY campus_id, id")
            .all(decoding: ProjectRow.self)
        let byCampus = Dictionary(grouping: projects, by: \.campus_id)
        return campuses.map { campus in
            CourseFilterElements(
                id: campus.id, name: campus.name, info: campus.info, create_time: SummerTime.render(campus.create_time),
                project_set: (byCampus[campus.id] ?? []).map { ProjectName(id: $0.id, name: $0.name) })
        }
    }
}
