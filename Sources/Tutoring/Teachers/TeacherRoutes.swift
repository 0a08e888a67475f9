import Hummingbird
import RegistrarCore
import SQLKit

/// §2.7 teacher list/info/add/update/delete.
struct TeacherRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/teacher/list") { request, _ in try await list(request) }
        routes.get("/admin/teacher/info") { request, _ in try await info(request) }
        routes.post("/admin/teacher/add", access: .managers) { request, me in try await add(request, me) }
        routes.put("/admin/teacher/update") { request, me in try await update(request, me) }
        routes.delete("/admin/teacher/delete", access: .managers) { request, me in try await delete(request, me) }
    }

    func list(_ request: Request) async throws -> Envelope<NumberedPage<TeacherListItem>> {
        let input = try await TutoringInput.read(request)
        let window = PageWindow(page: try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1, size: 10)
        let query = PagedQuery(
            filter: { $0.from(SQLQueryString("tutoring_teacher t")).where(SQLQueryString("t.deleted_at IS NULL")) },
            select: { $0.column(TeacherListItem.columns).orderBy(SQLQueryString("t.id DESC")) })
        let total = try await query.count(on: database.sql)
        let rows = try await query.rows(on: database.sql, window: window, total: total, decoding: TeacherListItem.self)
        return Success.data(NumberedPage(window: window, total: total, list: rows))
    }

    func info(_ request: Request) async throws -> Envelope<TeacherInfo> {
        let input = try await TutoringInput.read(request)
        let id = try input.requiredID("teacherID", "教师ID")
        guard let info = try await database.sql.raw(TeacherInfo.query(id: id)).first(decoding: TeacherInfo.self) else {
            throw TutoringTable.teacher.notFound("teacherID")
        }
        return Success.data(info)
    }

    func add(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let fields = try TeacherFields(try await TutoringInput.read(request), adding: true)
        try await database.transaction { sql in
            let teacher = try NewTeacher(fields, reviewer: me.id, at: TutoringClock.now())
            try await LiveRow.require(.staff, id: teacher.contactId, field: "contactID", on: sql)
            try await Self.requireFreePhone(teacher.phone, except: nil, on: sql)
            try await Self.mappingPhoneConflict {
                try await sql.insertRow(teacher, into: .teacher)
            }
        }
        return Success.none()
    }

    func update(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let id = try input.requiredID("teacherID", "教师ID")
        let fields = try TeacherFields(input, adding: false)
        try await database.transaction { sql in
            let stored = try await LiveRow.fetch(.teacher, id: id, field: "teacherID", as: TeacherStored.self, on: sql)
            try await LiveRow.requireChangedReference(.staff, id: fields.contactID, stored: stored.contact_id, field: "contactID", on: sql)
            if let phone = fields.phone { try await Self.requireFreePhone(phone, except: id, on: sql) }
            var changes = fields.changes
            guard !changes.isEmpty else { return }
            let now = TutoringClock.now()
            if let state = fields.state, state != stored.state {
                changes.set("reviewer_id", me.id)
                changes.set("review_time", now)
            }
            try await Self.mappingPhoneConflict {
                try await changes.apply(to: .teacher, id: id, at: now, on: sql)
            }
        }
        return Success.none()
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let id = try (try await TutoringInput.read(request)).requiredID("teacherID", "教师ID")
        try await database.transaction { sql in
            guard try await LiveRow.softDelete(.teacher, id: id, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.teacher.notFound("teacherID")
            }
        }
        return Success.none()
    }

    static let phoneTaken = AppError(code: 409, msg: "该手机号的教师已存在", fieldName: "phone")

    /// 409 when another live teacher has `phone`.
    static func requireFreePhone(_ phone: String, except id: Int?, on sql: any SQLDatabase) async throws {
        struct Found: Decodable { let id: Int }
        let other = try await sql.raw("""
            SELECT id FROM tutoring_teacher WHERE phone = \(bind: phone) AND deleted_at IS NULL AND id <> \(bind: id ?? 0)
            """).first(decoding: Found.self)
        if other != nil { throw phoneTaken }
    }

    /// The partial unique index settles concurrent writers: its violation is the same 409.
    @discardableResult
    static func mappingPhoneConflict<T>(_ write: () async throws -> T) async throws -> T {
        try await RegistrarDatabase.mappingConstraintViolation(write, to: { phoneTaken })
    }
}
