import Hummingbird
import RegistrarCore
import SQLKit

/// §2.4: students (学生/资源). Student state changes only through add/update here and order/confirm (§4.1).
struct StudentRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/student/list") { request, _ in try await list(request) }
        routes.get("/admin/student/info") { request, _ in try await info(request) }
        routes.post("/admin/student/add") { request, _ in try await add(request) }
        routes.put("/admin/student/update") { request, _ in try await update(request) }
        routes.delete("/admin/student/delete") { request, me in try await delete(request, me) }
    }

    static let pageSize = 10

    func list(_ request: Request) async throws -> Envelope<NumberedPage<StudentListItem>> {
        let input = try await TutoringInput.read(request)
        let isDeal = try input.enumeration("isDeal", "是否成交", 0...1)
        let page = try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1
        let window = PageWindow(page: page, size: Self.pageSize)
        // Keyed paging: a deep page picks its ten ids from the (deleted_at, state, id) indexes before joining.
        let query = PagedQuery(
            filter: { builder in
                let live = builder.from(SQLQueryString("tutoring_student s")).where(SQLQueryString("s.deleted_at IS NULL"))
                switch isDeal {
                case 1?: return live.where(SQLQueryString("s.state = \(bind: StudentState.enrolled.rawValue)"))
                case 0?:
                    return live.where(SQLQueryString(
                        "s.state BETWEEN \(bind: StudentState.following.rawValue) AND \(bind: StudentState.trialUnpaid.rawValue)"))
                default: return live
                }
            },
            key: SQLColumn("id", table: "s"), descending: true,
            select: { builder in
                builder.column(SQLQueryString(StudentRow.columns)).from(SQLQueryString(StudentRow.source))
            })
        // Rows and total in one statement. Without a filter the total is the trigger-kept count of live students
        // and the page's keys come from the live buckets, so a deep page costs what the first one does.
        let (rows, total) = isDeal == nil
            ? try await query.page(
                on: database.sql, window: window, total: LiveCounts.total(of: "tutoring_student"),
                keys: LiveBuckets.pageKeys(of: "tutoring_student", window: window), decoding: StudentRow.self)
            : try await query.page(on: database.sql, window: window, decoding: StudentRow.self)
        return Success.data(NumberedPage(window: window, total: total, list: rows.map(StudentListItem.init)))
    }

    func info(_ request: Request) async throws -> Envelope<StudentInfo> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        guard let row = try await database.sql.raw("""
            \(unsafeRaw: StudentRow.select) WHERE s.id = \(bind: studentID) AND s.deleted_at IS NULL
            """).first(decoding: StudentRow.self)
        else { throw TutoringTable.student.notFound("studentID") }
        return Success.data(StudentInfo(row))
    }

    func add(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let fields = try StudentFields(input, adding: true)
        try await database.transaction { sql in
            try await LiveRow.requireReference(.staff, id: fields.headmasterID, field: "headmasterID", on: sql)
            try await LiveRow.requireReference(.staff, id: fields.developerID, field: "developerID", on: sql)
            let now = TutoringClock.now()
            try await sql.insertRow(NewStudent(fields, at: now), into: .student)
        }
        return Success.none()
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        // The seed's typo `studetID` is accepted; `studentID` wins when both are supplied. Like any integer
        // field, a `studentID` that is null or "" counts as absent (§1.6).
        let key = input.suppliesInteger("studentID") || !input.suppliesInteger("studetID") ? "studentID" : "studetID"
        let studentID = try input.requiredID(key, "学生ID")
        let fields = try StudentFields(input, adding: false)
        try await database.transaction { sql in
            let stored = try await LiveRow.fetch(.student, id: studentID, field: key, as: StoredReferences.self, on: sql)
            try await LiveRow.requireChangedReference(
                .staff, id: fields.headmasterID, stored: stored.headmaster_id, field: "headmasterID", on: sql)
            try await LiveRow.requireChangedReference(
                .staff, id: fields.developerID, stored: stored.developer_id, field: "developerID", on: sql)
            var changes = RowChanges()
            changes.set("name", fields.name)
            changes.set("phone", fields.phone)
            changes.set("school", fields.school)
            changes.set("grade", fields.grade)
            changes.set("address", fields.address)
            changes.set("parent", fields.parent)
            changes.set("parent_phone", fields.parentPhone)
            changes.setReference("headmaster_id", fields.headmasterID)
            changes.set("channel", fields.channel)
            changes.setReference("developer_id", fields.developerID)
            changes.set("level", fields.level)
            changes.set("state", fields.state)
            try await changes.apply(to: .student, id: studentID, at: TutoringClock.now(), on: sql)
        }
        return Success.none()
    }

    struct StoredReferences: Decodable {
        let headmaster_id: Int?
        let developer_id: Int?
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        try await database.transaction { sql in
            // Locked, so a concurrent update or delete of this student waits for the outcome.
            try await LiveRow.lock(.student, id: studentID, field: "studentID", on: sql)
            struct Found: Decodable { let id: Int }
            if try await sql.raw("""
                SELECT id FROM tutoring_orders WHERE student_id = \(bind: studentID) AND deleted_at IS NULL LIMIT 1
                """).first(decoding: Found.self) != nil {
                throw AppError(code: 409, msg: "该学生存在订单，不能删除", fieldName: "studentID")
            }
            let now = TutoringClock.now()
            guard try await LiveRow.softDelete(.student, id: studentID, by: me.id, at: now, on: sql) else {
                throw TutoringTable.student.notFound("studentID")
            }
            // Cascade (§1.10): the student's live follow-ups and appointments, same time and deleter.
            for table in [TutoringTable.fellowup, .appointment] {
                try await sql.raw("""
                    UPDATE \(unsafeRaw: table.rawValue) SET deleted_at = \(bind: now), deleted_by = \(bind: me.id)
                    WHERE student_id = \(bind: studentID) AND deleted_at IS NULL
                    """).run()
            }
        }
        return Success.none()
    }
}
