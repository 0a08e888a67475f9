import Hummingbird
import RegistrarCore
import SQLKit

/// §2.9 lesson list/info/add/update/delete.
extension TutoringApp {
    func addLessonRoutes(to router: Router<RegistrarContext>) {
        router.get("/admin/lesson/list") { request, _ in try await lessonList(request) }
        router.get("/admin/lesson/info") { request, _ in try await lessonInfo(request) }
        router.post("/admin/lesson/add") { request, _ in try await lessonAdd(request) }
        router.put("/admin/lesson/update") { request, _ in try await lessonUpdate(request) }
        router.delete("/admin/lesson/delete") { request, _ in try await lessonDelete(request) }
    }

    /// `data` is the array; `page`, `allPage`, `total` sit beside it (§1.2).
    func lessonList(_ request: Request) async throws -> Envelope<[LessonItem]> {
        _ = try await auth.staff(request)
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

    func lessonInfo(_ request: Request) async throws -> Envelope<LessonItem> {
        _ = try await auth.staff(request)
        let id = try (try await TutoringInput.read(request)).requiredID("lessonID", "课程ID")
        guard let item = try await database.sql.raw(LessonItem.query(id: id)).first(decoding: LessonItem.self) else {
            throw TutoringTable.lesson.notFound("lessonID")
        }
        return Success.data(item)
    }

    func lessonAdd(_ request: Request) async throws -> Envelope<EmptyObject> {
        _ = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let orderID = try input.requiredID("orderID", "订单ID")
        let studentID = try input.requiredID("studentID", "学生ID")
        let teacherID = try input.requiredID("teacherID", "教师ID")
        let fields = try LessonFields(input, adding: true)
        try fields.checkDateOrder()

        try await database.transaction { sql in
            // Locked first: a concurrent order/confirm or order/delete waits, and the state read here is current.
            struct Order: Decodable { let student_id: Int; let state: Int }
            let order = try await LiveRow.fetch(.order, id: orderID, field: "orderID", as: Order.self, on: sql)
            try await LiveRow.require(.student, id: studentID, field: "studentID", on: sql)
            guard let teacherPrice = try await Self.liveTeacherPrices([teacherID], on: sql)[teacherID] else {
                throw TutoringTable.teacher.notFound("teacherID")
            }
            if order.student_id != studentID { throw AppError(code: 400, msg: "学生与订单不匹配", fieldName: "studentID") }
            if order.state != 1 { throw AppError(code: 409, msg: "订单已确认或已取消，不能添加课程", fieldName: "orderID") }
            let now = TutoringClock.now()
            try await NewLesson(
                orderId: orderID, studentId: studentID, teacherId: teacherID, subject: fields.subject!, allClass: fields.allClass!,
                weekClass: fields.weekClass ?? 0, firstClassDate: NewLesson.storedDate(fields.firstClassDate ?? ""),
                startDate: NewLesson.storedDate(fields.startDate ?? ""), endDate: NewLesson.storedDate(fields.endDate ?? ""),
                address: fields.address ?? "", classType: fields.type ?? "", target: fields.target ?? "",
                parentDemand: fields.parentDemand ?? "", studentDemand: fields.studentDemand ?? "", program: fields.program ?? "",
                preprice: fields.preprice ?? teacherPrice, stateInfo: fields.stateInfo ?? "", createTime: now, updateTime: now
            ).insert(on: sql)
        }
        return Success.none()
    }

    func lessonUpdate(_ request: Request) async throws -> Envelope<EmptyObject> {
        _ = try await auth.staff(request)
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

            var columns = fields.plainColumns
            if let teacherID { columns.append(("teacher_id", teacherID)) }
            if let all = fields.allClass { columns.append(("all_class", all)) }
            if let consumed = fields.consumedClass { columns.append(("consumed_class", consumed)) }
            if let state = fields.state { columns.append(("state", state)) }
            guard !columns.isEmpty else { return }
            columns.append(("update_time", TutoringClock.now()))

            // Class counts are compared in SQL against the row as it is now (an appointment may have just
            // consumed a class), and a full lesson is stored as finished (state 3) whatever was sent.
            let consumed: any SQLExpression = fields.consumedClass.map { SQLBind($0) } ?? SQLColumn("consumed_class")
            let all: any SQLExpression = fields.allClass.map { SQLBind($0) } ?? SQLColumn("all_class")
            let state: any SQLExpression = fields.state.map { SQLBind($0) } ?? SQLColumn("state")
            var update = sql.update("tutoring_lesson")
            for (column, value) in columns where column != "state" { update = update.set(column, to: value) }
            update = update.set(SQLColumn("state"), to: SQLQueryString("CASE WHEN \(consumed) = \(all) THEN 3 ELSE \(state) END"))
            struct Updated: Decodable { let id: Int }
            let updated = try await update
                .where("id", .equal, id).where("deleted_at", .is, SQLLiteral.null)
                .where(SQLQueryString("\(consumed) <= \(all)"))
                .returning("id").first(decoding: Updated.self)
            if updated == nil { throw Self.overConsumed(fields) }
        }
        return Success.none()
    }

    static func overConsumed(_ fields: LessonFields) -> AppError {
        AppError(code: 400, msg: "已消耗课时不能超过总课时", fieldName: fields.consumedClass != nil ? "consumedClass" : "allClass")
    }

    func lessonDelete(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        try me.require(RoleGate.orderEditors)
        let id = try (try await TutoringInput.read(request)).requiredID("lessonID", "课程ID")
        try await database.transaction { sql in
            // Order row first, then the lesson: the same lock order as order/delete's cascade, so the two
            // never deadlock on PostgreSQL.
            struct Stored: Decodable { let order_id: Int }
            guard let stored = try await sql.raw("""
                SELECT order_id FROM tutoring_lesson WHERE id = \(bind: id) AND deleted_at IS NULL
                """).first(decoding: Stored.self)
            else { throw TutoringTable.lesson.notFound("lessonID") }
            try await Self.lockUnconfirmedOrder(stored.order_id, on: sql, refusal: AppError(
                code: 409, msg: "订单已确认，不能删除课程", fieldName: "lessonID"))
            guard try await LiveRow.softDelete(.lesson, id: id, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.lesson.notFound("lessonID")
            }
        }
        return Success.none()
    }

    /// Locks the order row unless it is confirmed (state 2): a concurrent order/confirm waits for this transaction.
    static func lockUnconfirmedOrder(_ orderID: Int, on sql: any SQLDatabase, refusal: AppError) async throws {
        struct Locked: Decodable { let id: Int }
        let locked = try await sql.raw("""
            UPDATE tutoring_orders SET update_time = update_time WHERE id = \(bind: orderID) AND state <> 2 RETURNING id
            """).first(decoding: Locked.self)
        if locked == nil { throw refusal }
    }
}
