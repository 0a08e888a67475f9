import Hummingbird
import RegistrarCore
import SQLKit

/// `/source/project/...` (catalog spec S6–S11). Reads are open to every logged-in user (decisions 13, 37);
/// writes are ADMIN-only, and the role check runs before the method check; no DELETE.
struct ProjectRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/source/project") { r in
            r.get { call in try await Self.list(call) }
            r.post(access: .admin) { call in Reply.ok(try await Self.create(call)) }
            r.refuseUndeclaredWrites(access: .admin)
        }
        routes.item("/source/project/{id}") { r in
            r.get { call in Reply.ok(try await Self.rendered(try await Self.findActive(try call.pathID(), on: call.sql), on: call.sql)) }
            r.put(access: .admin) { call in Reply.ok(try await Self.update(call)) }
            r.patch(access: .admin) { call in Reply.ok(try await Self.update(call)) }
            r.refuseUndeclaredWrites(access: .admin)
        }
        routes.item("/source/project/{id}/related_courses") { r in
            r.get { call in Reply.ok(try await Self.relatedCourses(call)) }
            r.refuseUndeclaredWrites(access: .admin)
        }
        // Its only method is PUT: an admin's GET gets 405, anyone else's 403 (S11).
        routes.item("/source/project/{id}/project_course_fee", access: .admin) { r in
            r.put { call in Reply.ok(try await Self.setFees(call)) }
        }
    }

    /// S6: active projects, ascending id; a plain array with `pagination=false`.
    static func list(_ call: SummerCall) async throws -> Response {
        if call.wantsPlainList {
            let rows = try await call.sql.select().column(SQLRaw(CatalogProject.Row.columns)).from("summer_project")
                .where("is_active", .equal, SQLBind(true)).orderBy("id")
                .all(decoding: CatalogProject.Row.self)
            return try Reply.ok(try await ProjectLoader.render(rows, on: call.sql)).response(from: call.request, context: call.context)
        }
        let query = PagedQuery(
            filter: { $0.from("summer_project").where("is_active", .equal, SQLBind(true)) },
            select: { $0.column(SQLRaw(CatalogProject.Row.columns)).orderBy("id", .ascending) })
        let page = try await call.page(query, decoding: CatalogProject.Row.self) { try await ProjectLoader.render($0, on: call.sql) }
        return try Reply.ok(page).response(from: call.request, context: call.context)
    }

    /// An active project, else the lookup failure (404).
    static func findActive(_ id: Int, on sql: any SQLDatabase) async throws -> CatalogProject.Row {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: CatalogProject.Row.columns) FROM summer_project WHERE id = \(bind: id) AND is_active = \(bind: true)
            """).first(decoding: CatalogProject.Row.self)
        else { throw AppError.notFound }
        return row
    }

    static func rendered(_ row: CatalogProject.Row, on sql: any SQLDatabase) async throws -> CatalogProject {
        guard let project = try await ProjectLoader.render([row], on: sql).first else { throw AppError.notFound }
        return project
    }

    /// S7: the project and its fee table in one transaction.
    static func create(_ call: SummerCall) async throws -> CatalogProject {
        let fields = try await ProjectFields(try await call.bodyReader(.create), on: call.sql)
        let now = SummerTime.now()
        return try await call.database.transaction { sql in
            let project = NewProject(
                campusId: fields.campus.value!, name: fields.name.value, startDate: fields.startDate.value!,
                endDate: fields.endDate.value!, address: fields.address.value, info: fields.info.value, createTime: now,
                applyFee: fields.applyFee.value, courseNum: fields.courseNum.value!)
            let row = try await sql.insertRow(
                project, into: "summer_project", returning: CatalogProject.Row.columns, as: CatalogProject.Row.self)
            try await Self.replaceFees(of: row.id, with: fields.fees ?? [], on: sql)
            return try await Self.rendered(row, on: sql)
        }
    }

    /// S9: PUT requires campus, dates, course_num and project_fees; a non-empty fee list replaces the table.
    static func update(_ call: SummerCall) async throws -> CatalogProject {
        let id = try call.pathID()
        _ = try await findActive(id, on: call.sql)
        let fields = try await ProjectFields(try await call.bodyReader(call.writeMode), on: call.sql)
        return try await call.database.transaction { sql in
            try await Self.lock(id, on: sql)
            try await sql.patch("summer_project", id: id)
                .set("campus_id", ifSent: fields.campus)
                .set("name", ifSent: fields.name)
                .set("start_date", ifSent: fields.startDate)
                .set("end_date", ifSent: fields.endDate)
                .set("address", ifSent: fields.address)
                .set("info", ifSent: fields.info)
                .set("apply_fee", ifSent: fields.applyFee)
                .set("course_num", ifSent: fields.courseNum)
                .run()
            if let fees = fields.fees { try await Self.replaceFees(of: id, with: fees, on: sql) }
            return try await Self.rendered(try await Self.findActive(id, on: sql), on: sql)
        }
    }

    /// S11: `project_fees` is required here; the S7 checks apply, then the table is replaced.
    static func setFees(_ call: SummerCall) async throws -> CatalogProject {
        let id = try call.pathID()
        _ = try await findActive(id, on: call.sql)
        let reader = try await call.bodyReader(.create)
        let fees = try ProjectFees.validate(try ProjectFees.read(reader, required: true) ?? [])
        return try await call.database.transaction { sql in
            try await Self.lock(id, on: sql)
            try await Self.replaceFees(of: id, with: fees, on: sql)
            return try await Self.rendered(try await Self.findActive(id, on: sql), on: sql)
        }
    }

    /// Serializes writers of one project, so two concurrent fee-table replacements never meet on the unique
    /// (project, course_number) index.
    static func lock(_ id: Int, on sql: any SQLDatabase) async throws {
        struct Locked: Decodable { let id: Int }
        _ = try await sql.lockRow("summer_project", touching: "course_num", where: "id = \(bind: id)", returning: "id", as: Locked.self)
    }

    /// The whole table is replaced (catalog spec §3.1): old rows deleted, new ones inserted in one statement.
    static func replaceFees(of projectID: Int, with fees: [ProjectFee], on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "summer_project_course_fee").where("project_id", .equal, SQLBind(projectID)).run()
        guard !fees.isEmpty else { return }
        let insert = sql.insert(into: "summer_project_course_fee").columns("project_id", "course_number", "course_fee")
        for fee in fees { insert.values([SQLBind(projectID), SQLBind(fee.courseNumber), SQLBind(fee.cents)] as [any SQLExpression]) }
        try await insert.run()
    }

    /// S10: K for each offering of the project whose course is active (D16), ascending course_project id.
    static func relatedCourses(_ call: SummerCall) async throws -> [CatalogCourse] {
        let project = try await findActive(try call.pathID(), on: call.sql)
        let rows = try await call.sql.raw("""
            SELECT c.id, c.course_code, c.name, c.max_num, c.credit, c.create_time, c.modified_time, c.is_active \
            FROM summer_course_project cp JOIN summer_course c ON c.id = cp.course_id \
            WHERE cp.project_id = \(bind: project.id) AND c.is_active = \(bind: true) ORDER BY cp.id
            """).all(decoding: CatalogCourse.Row.self)
        return rows.map(CatalogCourse.init)
    }
}
