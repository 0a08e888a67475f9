import Hummingbird
import RegistrarCore
import SQLKit

/// `/source/campus/...` (catalog spec S1–S5): reads for every logged-in user, writes ADMIN-only (D1); no DELETE.
struct CampusRoutes: SummerRouteModule {
    static let duplicateName = "校区名称已存在，不能重复创建"

    func register(_ routes: SummerRoutes) {
        routes.collection("/source/campus") { r in
            r.get { call in Reply.ok(try await Self.list(call)) }
            r.post(access: .admin) { call in Reply.ok(try await Self.create(call)) }
        }
        routes.item("/source/campus/{id}") { r in
            r.get { call in Reply.ok(CatalogCampus(try await Self.findActive(try call.pathID(), on: call.sql))) }
            r.put(access: .admin) { call in Reply.ok(try await Self.update(call)) }
            r.patch(access: .admin) { call in Reply.ok(try await Self.update(call)) }
        }
        routes.item("/source/campus/{id}/all_projects") { r in
            r.get { call in Reply.ok(try await Self.allProjects(call)) }
        }
    }

    /// S1: active campuses, ascending id.
    static func list(_ call: SummerCall) async throws -> LinkedPage<CatalogCampus> {
        let query = PagedQuery(
            filter: { $0.from("summer_campus").where("is_active", .equal, SQLBind(true)) },
            select: { $0.column(SQLRaw(CatalogCampus.Row.columns)).orderBy("id", .ascending) })
        return try await call.page(query, decoding: CatalogCampus.Row.self) { $0.map(CatalogCampus.init) }
    }

    /// An active campus, else the lookup failure (404).
    static func findActive(_ id: Int, on sql: any SQLDatabase) async throws -> CatalogCampus.Row {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: CatalogCampus.Row.columns) FROM summer_campus WHERE id = \(bind: id) AND is_active = \(bind: true)
            """).first(decoding: CatalogCampus.Row.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> CatalogCampus {
        let fields = try CampusFields(try await call.bodyReader(.create))
        let now = SummerTime.now()
        let serialize = !call.database.isSQLite
        let row = try await call.database.transaction { sql in
            try await Self.checkNameFree(fields.name.value!, except: nil, serialize: serialize, on: sql)
            let campus = NewCampus(
                name: fields.name.value!, info: fields.info.value!, networkCourse: fields.networkCourse.value ?? false, createTime: now)
            return try await sql.insertRow(
                campus, into: "summer_campus", returning: CatalogCampus.Row.columns, as: CatalogCampus.Row.self)
        }
        return CatalogCampus(row)
    }

    /// S4: PUT requires name and info, PATCH nothing; a new name must not be another campus's (D17).
    static func update(_ call: SummerCall) async throws -> CatalogCampus {
        let id = try call.pathID()
        _ = try await findActive(id, on: call.sql)
        let fields = try CampusFields(try await call.bodyReader(call.writeMode))
        let serialize = !call.database.isSQLite
        let row = try await call.database.transaction { sql in
            if let name = fields.name.value {
                try await Self.checkNameFree(name, except: id, serialize: serialize, on: sql)
            }
            try await sql.patch("summer_campus", id: id)
                .set("name", ifSent: fields.name)
                .set("info", ifSent: fields.info)
                .set("network_course", ifSent: fields.networkCourse)
                .run()
            return try await Self.findActive(id, on: sql)
        }
        return CatalogCampus(row)
    }

    /// Names are unique without a database constraint (inactive campuses count; compared case-insensitively,
    /// as the original's collation did). On PostgreSQL a transaction lock makes check and write atomic;
    /// SQLite's write transactions are already serial.
    static func checkNameFree(_ name: String, except id: Int?, serialize: Bool, on sql: any SQLDatabase) async throws {
        if serialize { try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Int64(0x5355_4d43_414d))) ").run() }
        let clash = try await sql.raw("""
            SELECT id FROM summer_campus WHERE LOWER(name) = LOWER(\(bind: name)) AND id <> \(bind: id ?? 0) LIMIT 1
            """).first()
        if clash != nil { throw AppError.rule(duplicateName) }
    }

    /// S5: C plus its active projects (D16), ascending id.
    static func allProjects(_ call: SummerCall) async throws -> CampusWithProjects {
        let campus = try await findActive(try call.pathID(), on: call.sql)
        let rows = try await call.sql.select().column(SQLRaw(CatalogProject.Row.columns)).from("summer_project")
            .where("campus_id", .equal, SQLBind(campus.id)).where("is_active", .equal, SQLBind(true))
            .orderBy("id").all(decoding: CatalogProject.Row.self)
        return CampusWithProjects(campus: CatalogCampus(campus), projects: try await ProjectLoader.render(rows, on: call.sql))
    }
}

/// S5's object: the campus's fields followed by `projects`.
struct CampusWithProjects: Encodable, Sendable {
    let campus: CatalogCampus
    let projects: [CatalogProject]

    private enum CodingKeys: String, CodingKey { case id, name, info, create_time, network_course, projects }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(campus.id, forKey: .id)
        try c.encode(campus.name, forKey: .name)
        try c.encode(campus.info, forKey: .info)
        try c.encode(campus.create_time, forKey: .create_time)
        try c.encode(campus.network_course, forKey: .network_course)
        try c.encode(projects, forKey: .projects)
    }
}
