import Hummingbird
import RegistrarCore
import SQLKit

/// §2.7 teacher list/info/add/update/delete.
extension TutoringApp {
    func addTeacherRoutes(to router: Router<RegistrarContext>) {
        router.get("/admin/teacher/list") { request, _ in try await teacherList(request) }
        router.get("/admin/teacher/info") { request, _ in try await teacherInfo(request) }
        router.post("/admin/teacher/add") { request, _ in try await teacherAdd(request) }
        router.put("/admin/teacher/update") { request, _ in try await teacherUpdate(request) }
        router.delete("/admin/teacher/delete") { request, _ in try await teacherDelete(request) }
    }

    func teacherList(_ request: Request) async throws -> Envelope<NumberedPage<TeacherListItem>> {
        _ = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let window = PageWindow(page: try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1, size: 10)
        let query = PagedQuery(
            filter: { $0.from(SQLQueryString("tutoring_teacher t")).where(SQLQueryString("t.deleted_at IS NULL")) },
            select: { $0.column(TeacherListItem.columns).orderBy(SQLQueryString("t.id DESC")) })
        let total = try await query.count(on: database.sql)
        let rows = try await query.rows(on: database.sql, window: window, total: total, decoding: TeacherListItem.self)
        return Success.data(NumberedPage(window: window, total: total, list: rows))
    }

    func teacherInfo(_ request: Request) async throws -> Envelope<TeacherInfo> {
        _ = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let id = try input.requiredID("teacherID", "教师ID")
        guard let info = try await database.sql.raw(TeacherInfo.query(id: id)).first(decoding: TeacherInfo.self) else {
            throw TutoringTable.teacher.notFound("teacherID")
        }
        return Success.data(info)
    }

    func teacherAdd(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        try me.require(RoleGate.managers)
        let fields = try TeacherFields(try await TutoringInput.read(request), adding: true)
        try await database.transaction { sql in
            try await LiveRow.require(.staff, id: fields.contactID!, field: "contactID", on: sql)
            try await Self.requireFreeTeacherPhone(fields.phone!, except: nil, on: sql)
            let now = TutoringClock.now()
            var columns = fields.columns(defaults: true)
            // A state chosen on add is a review by the caller (§4.3).
            columns += [("reviewer_id", fields.state != nil ? me.id : nil as Int?), ("review_time", fields.state != nil ? now : nil as Int?)]
            columns += [("create_time", now), ("update_time", now)]
            try await Self.mappingPhoneConflict {
                try await sql.insert(into: "tutoring_teacher").columns(columns.map(\.0)).values(columns.map(\.1)).run()
            }
        }
        return Success.none()
    }

    func teacherUpdate(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let id = try input.requiredID("teacherID", "教师ID")
        let fields = try TeacherFields(input, adding: false)
        try await database.transaction { sql in
            let stored = try await LiveRow.fetch(.teacher, id: id, field: "teacherID", as: TeacherStored.self, on: sql)
            try await LiveRow.requireChangedReference(.staff, id: fields.contactID, stored: stored.contact_id, field: "contactID", on: sql)
            if let phone = fields.phone { try await Self.requireFreeTeacherPhone(phone, except: id, on: sql) }
            var columns = fields.columns(defaults: false)
            guard !columns.isEmpty else { return }
            let now = TutoringClock.now()
            if let state = fields.state, state != stored.state { columns += [("reviewer_id", me.id), ("review_time", now)] }
            columns.append(("update_time", now))
            try await Self.mappingPhoneConflict {
                var update = sql.update("tutoring_teacher")
                for (column, value) in columns { update = update.set(column, to: value) }
                try await update.where("id", .equal, id).where("deleted_at", .is, SQLLiteral.null).run()
            }
        }
        return Success.none()
    }

    func teacherDelete(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        try me.require(RoleGate.managers)
        let id = try (try await TutoringInput.read(request)).requiredID("teacherID", "教师ID")
        try await database.transaction { sql in
            guard try await LiveRow.softDelete(.teacher, id: id, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.teacher.notFound("teacherID")
            }
        }
        return Success.none()
    }

    static let teacherPhoneTaken = AppError(code: 409, msg: "该手机号的教师已存在", fieldName: "phone")

    /// 409 when another live teacher has `phone`.
    static func requireFreeTeacherPhone(_ phone: String, except id: Int?, on sql: any SQLDatabase) async throws {
        struct Found: Decodable { let id: Int }
        let other = try await sql.raw("""
            SELECT id FROM tutoring_teacher WHERE phone = \(bind: phone) AND deleted_at IS NULL AND id <> \(bind: id ?? 0)
            """).first(decoding: Found.self)
        if other != nil { throw teacherPhoneTaken }
    }

    /// The partial unique index settles concurrent writers: its violation is the same 409.
    static func mappingPhoneConflict(_ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch where RegistrarDatabase.isConstraintViolation(error) {
            throw teacherPhoneTaken
        }
    }
}
