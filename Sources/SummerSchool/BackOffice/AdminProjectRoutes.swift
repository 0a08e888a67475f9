import Hummingbird
import RegistrarCore
import SQLKit

/// `/admin/project/...` (back office §4 C): every project (inactive ones included) with its applicant and
/// payer figures, for staff. Projects are edited through the catalogue; PUT/PATCH here answer 405 (DV-19).
struct AdminProjectRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/admin/project", access: .staff) { r in r.get(Self.list) }
        routes.item("/admin/project/{id}", access: .staff) { r in r.get(Self.detail) }
    }

    /// Paginated, or a plain array when `pagination` is `false` in any letter case (then `page` is ignored).
    /// Either way: the projects, their campuses and fees through `ProjectLoader`, and one grouped query for the
    /// figures of exactly these projects.
    @Sendable static func list(_ call: SummerCall) async throws -> Response {
        let query = call.query()
        if case .text(let values)? = query["pagination"], values.last?.lowercased() == "false" {
            let rows = try await call.sql.select().column(SQLRaw(CatalogProject.Row.columns)).from("summer_project")
                .orderBy("id", .ascending)
                .all(decoding: CatalogProject.Row.self)
            let items = try await render(rows, figuresFor: nil, on: call.sql)
            return try Reply.ok(items).response(from: call.request, context: call.context)
        }
        let paged = PagedQuery(
            filter: { $0.from("summer_project") },
            select: { $0.column(SQLRaw(CatalogProject.Row.columns)).orderBy("id", .ascending) })
        let page = try await call.page(paged, decoding: CatalogProject.Row.self) { rows in
            try await render(rows, figuresFor: rows.map(\.id), on: call.sql)
        }
        return try Reply.ok(page).response(from: call.request, context: call.context)
    }

    @Sendable static func detail(_ call: SummerCall) async throws -> some ResponseGenerator {
        let id = try call.pathID()
        guard let row = try await call.sql.select().column(SQLRaw(CatalogProject.Row.columns)).from("summer_project")
            .where("id", .equal, SQLBind(id))
            .first(decoding: CatalogProject.Row.self)
        else { throw AppError.notFound }
        let items = try await render([row], figuresFor: [id], on: call.sql)
        guard let item = items.first else { throw AppError.notFound }
        return Reply.ok(item)
    }

    /// `figuresFor` nil = the figures of every project in one pass (the unpaginated list holds them all).
    static func render(_ rows: [CatalogProject.Row], figuresFor ids: [Int]?, on sql: any SQLDatabase) async throws -> [AdminProjectItem] {
        guard !rows.isEmpty else { return [] }
        let projects = try await ProjectLoader.render(rows, on: sql)
        let figures = try await ProjectFigures.load(projectIDs: ids, on: sql)
        return projects.map { AdminProjectItem($0, figures: figures[$0.id] ?? .init()) }
    }
}
