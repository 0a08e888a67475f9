import Hummingbird
import RegistrarCore
import SQLKit

/// §2.9 lesson list/info/add/update/delete.
struct LessonRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/lesson/list") { request, _ in try await list(request) }
        routes.get("/admin/lesson/info") { request, _ in try await info(request) }
        routes.post("/admin/lesson/add") { request, _ in try await add(request) }
        routes.put("/admin/lesson/update") { request, _ in try await update(request) }
        routes.delete("/admin/lesson/delete", access: .orderEditors) { request, me in try await delete(request, me) }
    }

    /// `data` is the array; `page`, `allPage`, `total` sit beside it (§1.2).
    func list(_ request: Request) async throws -> Envelope<[LessonItem]> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.id("studentID", "学生ID", .optional)
        // orderID is ignored entirely (not even validated) when studentID is given.
        let orderID = studentID == nil ? try input.id("orderID", "订单ID", .optional) : nil
        let page = try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1
        let window = PageWindow(page: page, size: try input.int("num", "每页的条数", 1...100) ?? 10)
        let sql = database.sql
        if let studentID { try await LiveRow.require(.student, id: studentID, field: "studentID", on: sql) }
        if let orderID { try await LiveRow.require(.order, id: orderID, field: "orderID", on: sql) }

        // Keyed paging: the page's IDs come from one of the lesson indexes alone, then only they are joined.
        let query = PagedQuery(
            filter: { select in
                var select = select.from(SQLQueryString("tutoring_lesson l")).where(SQLQueryString("l.deleted_at IS NULL"))
                if let studentID { select = select.where(SQLQueryString("l.student_id = \(bind: studentID)")) }
                if let orderID { select = select.where(SQLQueryString("l.order_id = \(bind: orderID)")) }
                return select
            },
            key: SQLColumn("id", table: "l"), descending: true,
            select: { LessonItem.joining($0.column(LessonItem.columns).from(SQLQueryString("tutoring_lesson l"))) })
        // Unfiltered, the total is the trigger-kept live count instead of COUNT(*) over every lesson.
        let total = studentID == nil && orderID == nil
            ? try await LiveCounts.live(in: TutoringTable.lesson.rawValue, on: sql)
            : try await query.count(on: sql)
        let rows = try await query.rows(on: sql, window: window, total: total, decoding: LessonItem.self)
        return Success.data(rows, extras: [("page", window.page), ("allPage", window.pageCount(total: total)), ("total", total)])
    }

    func info(_ request: Request) async throws -> Envelope<LessonItem> {
        let id = try (try await TutoringInput.read(request)).requiredID("lessonID", "课程ID")
        guard let item = try await database.sql.raw(LessonItem.query(id: id)).first(decoding: LessonItem.self) else {
            throw TutoringTable.lesson.notFound("lessonID")
        }
        return Success.data(item)
    }

    func add(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let orderID = try input.requiredID("orderID", "订单ID")
        let studentID = try input.requiredID("studentID", "学生ID")
        let teacherID = try input.requiredID("teacherID", "教师ID")
        let fields = try LessonFields(input, adding: true)
        try fields.checkDateOrder()

        try await database.transaction { sql in
            // Locked first: a concurrent order/confirm or order/delete waits, and the state read here is current.
            struct Order: Decodable { let student_id: Int; let state: OrderState }
            let order = try await LiveRow.fetch(.order, id: orderID, field: "orderID", as: Order.self, on: sql)
            try await LiveRow.require(.student, id: studentID, field: "studentID", on: sql)
            guard let teacherPrice = try await OrderQueries.liveTeacherPrices([teacherID], on: sql)[teacherID] else {
                throw TutoringTable.teacher.notFound("teacherID")
            }
            if order.student_id != studentID { throw AppError(code: 400, msg: "学生与订单不匹配", fieldName: "studentID") }
            if order.state != .submitted { throw AppError(code: 409, msg: "订单已确认或已取消，不能添加课程", fieldName: "orderID") }
            let now = TutoringClock.now()
            guard let subject = fields.subject, let allClass = fields.allClass else { throw AppError.serverFault }
            try await sql.insertRow(NewLesson(
                orderId: orderID, studentId: studentID, teacherId: teacherID, subject: subject, allClass: allClass,
                weekClass: fields.weekClass ?? 0, firstClassDate: NewLesson.storedDate(fields.firstClassDate ?? ""),
                startDate: NewLesson.storedDate(fields.startDate ?? ""), endDate: NewLesson.storedDate(fields.endDate ?? ""),
                address: fields.address ?? "", classType: fields.type ?? "", target: fields.target ?? "",
                parentDemand: fields.parentDemand ?? "", studentDemand: fields.studentDemand ?? "", program: fields.program ?? "",
                preprice: fields.preprice ?? teacherPrice, stateInfo: fields.stateInfo ?? "", createTime: now, updateTime: now
            ), into: .lesson)
        }
        return Success.none()
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let id = try input.requiredID("lessonID", "课程ID")
        let teacherID = try input.id("teacherID", "教师ID", .optional)
        let fields = try LessonFields(input, adding: false)

        try await database.transaction { sql in
            let stored = try await LiveRow.fetch(.lesson, id: id, field: "lessonID", as: LessonStored.self, on: sql)
            try await LiveRow.requireChangedReference(.teacher, id: teacherID, stored: stored.teacher_id, field: "teacherID", on: sql)
            try fields.checkDateOrder(storedStart: stored.start_date, storedEnd: stored.end_date)
            let allClass = fields.allClass ?? stored.all_class
            if (fields.consumedClass ?? stored.consumed_class) > allClass { throw Self.overConsumed(fields) }

            var changes = fields.changes
            changes.set("teacher_id", teacherID)
            changes.set("all_class", fields.allClass)
            changes.set("consumed_class", fields.consumedClass)
            guard !changes.isEmpty || fields.state != nil else { return }

            // Class counts are compared in SQL against the row as it is now (an appointment may have just
            // consumed a class), and a full lesson is stored as finished whatever state was sent.
            let consumed: any SQLExpression = fields.consumedClass.map { SQLBind($0) } ?? SQLColumn("consumed_class")
            let all: any SQLExpression = fields.allClass.map { SQLBind($0) } ?? SQLColumn("all_class")
            let state: any SQLExpression = fields.state.map { SQLBind($0.rawValue) } ?? SQLColumn("state")
            changes.set("state", expression: SQLQueryString(
                "CASE WHEN \(consumed) = \(all) THEN \(bind: LessonState.finished.rawValue) ELSE \(state) END"))
            struct Updated: Decodable { let id: Int }
            let updated = try await changes.update(.lesson, id: id, at: TutoringClock.now(), on: sql)?
                .where("deleted_at", .is, SQLLiteral.null)
                .where(SQLQueryString("\(consumed) <= \(all)"))
                .returning("id").first(decoding: Updated.self)
            if updated == nil { throw Self.overConsumed(fields) }
        }
        return Success.none()
    }

    static func overConsumed(_ fields: LessonFields) -> AppError {
        AppError(code: 400, msg: "已消耗课时不能超过总课时", fieldName: fields.consumedClass != nil ? "consumedClass" : "allClass")
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let id = try (try await TutoringInput.read(request)).requiredID("lessonID", "课程ID")
        try await database.transaction { sql in
            // Order row first, then the lesson: the same lock order as order/delete's cascade, so the two
            // never deadlock on PostgreSQL.
            struct Stored: Decodable { let order_id: Int }
            guard let stored = try await sql.raw("""
                SELECT order_id FROM tutoring_lesson WHERE id = \(bind: id) AND deleted_at IS NULL
                """).first(decoding: Stored.self)
            else { throw TutoringTable.lesson.notFound("lessonID") }
            try await OrderQueries.lockUnconfirmedOrder(stored.order_id, on: sql, refusal: AppError(
                code: 409, msg: "订单已确认，不能删除课程", fieldName: "lessonID"))
            guard try await LiveRow.softDelete(.lesson, id: id, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.lesson.notFound("lessonID")
            }
        }
        return Success.none()
    }
}
