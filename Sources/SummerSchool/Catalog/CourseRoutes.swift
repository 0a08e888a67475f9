import Hummingbird
import RegistrarCore
import SQLKit

/// `/source/course/...` (catalog spec S12–S17): reads for every logged-in user, writes ADMIN-only (D1); no DELETE.
struct CourseRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/source/course") { r in
            r.get { call in try await Self.list(call) }
            r.post(access: .admin) { call in Reply.ok(try await Self.create(call)) }
        }
        routes.collection("/source/course/filter_elements") { r in
            r.get { call in Reply.ok(try await CourseFilterElements.load(on: call.sql)) }
        }
        routes.item("/source/course/{id}") { r in
            r.get { call in Reply.ok(CatalogCourse(try await Self.findActive(try call.pathID(), on: call.sql))) }
            r.put(access: .admin) { call in Reply.ok(try await Self.update(call)) }
            r.patch(access: .admin) { call in Reply.ok(try await Self.update(call)) }
        }
        routes.item("/source/course/{id}/related_projects") { r in
            r.get { call in Reply.ok(try await Self.relatedProjects(call)) }
        }
    }

    /// S12: active courses, ascending id; a plain array with `pagination=false`.
    static func list(_ call: SummerCall) async throws -> Response {
        if call.wantsPlainList {
            let rows = try await call.sql.select().column(SQLRaw(CatalogCourse.Row.columns)).from("summer_course")
                .where("is_active", .equal, SQLBind(true)).orderBy("id")
                .all(decoding: CatalogCourse.Row.self)
            return try Reply.ok(rows.map(CatalogCourse.init)).response(from: call.request, context: call.context)
        }
        let query = PagedQuery(
            filter: { $0.from("summer_course").where("is_active", .equal, SQLBind(true)) },
            select: { $0.column(SQLRaw(CatalogCourse.Row.columns)).orderBy("id", .ascending) })
        let page = try await call.page(query, decoding: CatalogCourse.Row.self) { $0.map(CatalogCourse.init) }
        return try Reply.ok(page).response(from: call.request, context: call.context)
    }

    /// An active course, else the lookup failure (404).
    static func findActive(_ id: Int, on sql: any SQLDatabase) async throws -> CatalogCourse.Row {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: CatalogCourse.Row.columns) FROM summer_course WHERE id = \(bind: id) AND is_active = \(bind: true)
            """).first(decoding: CatalogCourse.Row.self)
        else { throw AppError.notFound }
        return row
    }

    static func create(_ call: SummerCall) async throws -> CatalogCourse {
        let fields = try await CourseFields(try await call.bodyReader(.create), courseID: nil, on: call.sql)
        let now = SummerTime.now()
        let row = try await uniqueCode {
            try await call.database.transaction { sql in
                let course = NewCourse(
                    courseCode: fields.courseCode.value!, name: fields.name.value!, maxNum: fields.maxNum.value!,
                    credit: fields.credit.value!, createTime: now, modifiedTime: now)
                return try await sql.insertRow(
                    course, into: "summer_course", returning: CatalogCourse.Row.columns, as: CatalogCourse.Row.self)
            }
        }
        return CatalogCourse(row)
    }

    /// S15: PUT requires all four fields, PATCH none; the code stays unique, the course itself excepted.
    static func update(_ call: SummerCall) async throws -> CatalogCourse {
        let id = try call.pathID()
        _ = try await findActive(id, on: call.sql)
        let fields = try await CourseFields(try await call.bodyReader(call.writeMode), courseID: id, on: call.sql)
        let now = SummerTime.now()
        let row = try await uniqueCode {
            try await call.database.transaction { sql in
                try await sql.patch("summer_course", id: id)
                    .set("modified_time", to: SQLBind(now))
                    .set("course_code", ifSent: fields.courseCode)
                    .set("name", ifSent: fields.name)
                    .set("max_num", ifSent: fields.maxNum)
                    .set("credit", ifSent: fields.credit)
                    .run()
                return try await Self.findActive(id, on: sql)
            }
        }
        return CatalogCourse(row)
    }

    /// The code was checked with the fields; a concurrent write that took it since trips the unique index,
    /// which gets the same field error.
    static func uniqueCode<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation(work, to: { AppError.field("course_code", CourseFields.codeTaken) })
    }

    /// S16: K plus the offerings whose course and project are active, each with its project expanded to P.
    static func relatedProjects(_ call: SummerCall) async throws -> CourseWithProjects {
        let course = try await findActive(try call.pathID(), on: call.sql)
        let links = try await call.sql.raw("""
            SELECT cp.id, cp.course_id, cp.project_id, cp.create_time, cp.professor, cp.start_time, cp.end_time, cp.address \
            FROM summer_course_project cp JOIN summer_project p ON p.id = cp.project_id \
            WHERE cp.course_id = \(bind: course.id) AND p.is_active = \(bind: true) ORDER BY cp.id
            """).all(decoding: CourseProjectLink.Row.self)
        let projects = try await ProjectLoader.load(ids: links.map(\.project_id), on: call.sql)
        return CourseWithProjects(
            course: CatalogCourse(course),
            related_projects: links.compactMap { link in projects[link.project_id].map { CourseProjectLink(link, project: $0) } })
    }
}

/// CP with `project` expanded to P (S16).
struct CourseProjectLink: Encodable, Sendable {
    let id: Int
    let course: Int
    let project: CatalogProject
    let create_time: String
    let professor: String
    let start_time: String
    let end_time: String
    let address: String

    struct Row: Decodable, Sendable {
        let id: Int
        let course_id: Int
        let project_id: Int
        let create_time: Int64
        let professor: String
        let start_time: String
        let end_time: String
        let address: String
    }

    init(_ row: Row, project: CatalogProject) {
        id = row.id
        course = row.course_id
        self.project = project
        create_time = SummerTime.render(row.create_time)
        professor = row.professor
        start_time = row.start_time
        end_time = row.end_time
        address = row.address
    }
}

/// S16's object: K's fields followed by `related_projects`.
struct CourseWithProjects: Encodable, Sendable {
    let course: CatalogCourse
    let related_projects: [CourseProjectLink]

    private enum CodingKeys: String, CodingKey { case id, course_code, name, max_num, credit, create_time, related_projects }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(course.id, forKey: .id)
        try c.encode(course.course_code, forKey: .course_code)
        try c.encode(course.name, forKey: .name)
        try c.encode(course.max_num, forKey: .max_num)
        try c.encode(course.credit, forKey: .credit)
        try c.encode(course.create_time, forKey: .create_time)
        try c.encode(related_projects, forKey: .related_projects)
    }
}
