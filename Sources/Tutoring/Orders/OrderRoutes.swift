import Hummingbird
import RegistrarCore
import SQLKit

/// §2.8 order list/info/add/delete/confirm.
extension TutoringApp {
    func addOrderRoutes(to router: Router<RegistrarContext>) {
        router.get("/admin/order/list") { request, _ in try await orderList(request) }
        router.get("/admin/order/info") { request, _ in try await orderInfo(request) }
        router.post("/admin/order/add") { request, _ in try await orderAdd(request) }
        router.delete("/admin/order/delete") { request, _ in try await orderDelete(request) }
        router.put("/admin/order/confirm") { request, _ in try await orderConfirm(request) }
    }

    /// A page of live orders with their live lessons, in one query whatever the page size: the page's IDs
    /// come from the (deleted_at, id) index, then those orders are joined with their names and lessons.
    /// The list has no filter, so its total is the trigger-kept live count (no COUNT(*) over the table).
    func orderList(_ request: Request) async throws -> Envelope<NumberedPage<OrderListItem>> {
        _ = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let window = PageWindow(page: try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1, size: 10)
        let sql = database.sql
        let total = try await LiveCounts.live(in: TutoringTable.order.rawValue, on: sql)
        var list: [OrderListItem] = []
        if window.offset < total {
            let rows = try await sql.raw(OrderRow.withLessons(where: """
                o.id IN (SELECT id FROM tutoring_orders WHERE deleted_at IS NULL ORDER BY id DESC
                         LIMIT \(bind: window.size) OFFSET \(bind: window.offset))
                """)).all()
            list = try OrderRow.grouping(rows).map { OrderListItem($0.order, lessons: $0.lessons) }
        }
        return Success.data(NumberedPage(window: window, total: total, list: list))
    }

    /// The order and its live lessons in one query.
    func orderInfo(_ request: Request) async throws -> Envelope<OrderInfo> {
        _ = try await auth.staff(request)
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        let rows = try await database.sql.raw(OrderRow.withLessons(where: "o.id = \(bind: id) AND o.deleted_at IS NULL")).all()
        guard let found = try OrderRow.grouping(rows).first else { throw TutoringTable.order.notFound("orderID") }
        return Success.data(OrderInfo(found.order, lessons: found.lessons))
    }

    func orderAdd(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        let payMethod = try input.text("payMethod", "付款方式") ?? ""
        let amount = try input.uint("amount", "缴费金额", .required)!
        let salerID = try input.id("salerID", "销售员工ID", .optional)
        let elements = try input.array("lesson", "课程")!
        if elements.isEmpty { throw AppError(code: 400, msg: "订单至少包含一个课程", fieldName: "lesson") }
        if elements.count > 50 { throw AppError(code: 400, msg: "课程数量不能超过50个", fieldName: "lesson") }
        let lessons = try elements.enumerated().map { try OrderLessonFields($0.element, index: $0.offset) }
        for lesson in lessons { try lesson.checkDateOrder() }

        try await database.transaction { sql in
            // Locked, like student/delete does: a concurrent delete of the student either waits and then sees
            // this order (409), or commits first and this add gets 404.
            try await LiveRow.lock(.student, id: studentID, field: "studentID", on: sql)
            if let salerID { try await LiveRow.require(.staff, id: salerID, field: "salerID", on: sql) }
            let prices = try await Self.liveTeacherPrices(lessons.map(\.teacherID), on: sql)
            for lesson in lessons where prices[lesson.teacherID] == nil {
                throw TutoringTable.teacher.notFound("lesson[\(lesson.index)].teacherID")
            }
            let now = TutoringClock.now()
            struct Created: Decodable { let id: Int }
            let order = try await sql.raw("""
                INSERT INTO tutoring_orders (student_id, pay_method, amount, saler_id, state, create_time, update_time)
                VALUES (\(bind: studentID), \(bind: payMethod), \(bind: amount), \(bind: salerID ?? me.id), 1, \(bind: now), \(bind: now))
                RETURNING id
                """).first(decoding: Created.self)!
            // One statement per lesson, in array order, so their IDs ascend with the index.
            for lesson in lessons {
                try await NewLesson(
                    orderId: order.id, studentId: studentID, teacherId: lesson.teacherID, subject: lesson.subject,
                    allClass: lesson.allClass, weekClass: lesson.weekClass,
                    firstClassDate: NewLesson.storedDate(lesson.firstClassDate), startDate: NewLesson.storedDate(lesson.startDate),
                    endDate: NewLesson.storedDate(lesson.endDate), address: "", classType: lesson.classType, target: lesson.target,
                    parentDemand: lesson.parentDemand, studentDemand: lesson.studentDemand, program: lesson.program,
                    preprice: lesson.preprice ?? prices[lesson.teacherID]!, stateInfo: "", createTime: now, updateTime: now
                ).insert(on: sql)
            }
        }
        return Success.none()
    }

    /// `preprice` of each live teacher among `ids`, in one query.
    static func liveTeacherPrices(_ ids: [Int], on sql: any SQLDatabase) async throws -> [Int: Int] {
        struct Price: Decodable { let id: Int; let preprice: Int }
        let rows = try await sql.raw("""
            SELECT id, preprice FROM tutoring_teacher WHERE id IN (\(binds: Array(Set(ids)))) AND deleted_at IS NULL
            """).all(decoding: Price.self)
        return Dictionary(rows.map { ($0.id, $0.preprice) }, uniquingKeysWith: { first, _ in first })
    }

    func orderDelete(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        try me.require(RoleGate.orderEditors)
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        try await database.transaction { sql in
            let now = TutoringClock.now()
            // Conditional: a confirmation committed meanwhile makes this update miss instead of deleting.
            struct Deleted: Decodable { let id: Int }
            let deleted = try await sql.raw("""
                UPDATE tutoring_orders SET deleted_at = \(bind: now), deleted_by = \(bind: me.id)
                WHERE id = \(bind: id) AND deleted_at IS NULL AND state <> 2 RETURNING id
                """).first(decoding: Deleted.self)
            guard deleted != nil else {
                let state = try await Self.liveOrderState(id, on: sql)
                throw state == nil ? TutoringTable.order.notFound("orderID")
                    : AppError(code: 409, msg: "订单已确认，不能删除", fieldName: "orderID")
            }
            try await sql.raw("""
                UPDATE tutoring_lesson SET deleted_at = \(bind: now), deleted_by = \(bind: me.id)
                WHERE order_id = \(bind: id) AND deleted_at IS NULL
                """).run()
        }
        return Success.none()
    }

    /// order/confirm: `UPDATE … WHERE state = 1 RETURNING` moves 1 → 2 exactly once under concurrency.
    func orderConfirm(_ request: Request) async throws -> Envelope<EmptyObject> {
        let me = try await auth.staff(request)
        try me.require(RoleGate.confirmers)
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        try await database.transaction { sql in
            let now = TutoringClock.now()
            struct Confirmed: Decodable { let student_id: Int }
            let confirmed = try await sql.raw("""
                UPDATE tutoring_orders SET state = 2, confirmed_by = \(bind: me.id), confirm_time = \(bind: now), update_time = \(bind: now)
                WHERE id = \(bind: id) AND deleted_at IS NULL AND state = 1 RETURNING student_id
                """).first(decoding: Confirmed.self)
            guard let confirmed else {
                switch try await Self.liveOrderState(id, on: sql) {
                case nil: throw TutoringTable.order.notFound("orderID")
                case 2: throw AppError(code: 409, msg: "订单已确认，请勿重复确认", fieldName: "orderID")
                default: throw AppError(code: 409, msg: "订单已取消，不能确认", fieldName: "orderID")
                }
            }
            // The student has paid: 已缴费正式成为学员 (§4.1).
            try await sql.raw("""
                UPDATE tutoring_student SET state = 0, update_time = \(bind: now) WHERE id = \(bind: confirmed.student_id)
                """).run()
        }
        return Success.none()
    }

    /// The state of a live order, nil when there is none.
    static func liveOrderState(_ id: Int, on sql: any SQLDatabase) async throws -> Int? {
        struct State: Decodable { let state: Int }
        return try await sql.raw("SELECT state FROM tutoring_orders WHERE id = \(bind: id) AND deleted_at IS NULL")
            .first(decoding: State.self)?.state
    }
}
