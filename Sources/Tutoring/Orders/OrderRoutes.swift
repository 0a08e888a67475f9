import Hummingbird
import RegistrarCore
import SQLKit

/// §2.8 order list/info/add/delete/confirm.
struct OrderRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/order/list") { request, _ in try await list(request) }
        routes.get("/admin/order/info") { request, _ in try await info(request) }
        routes.post("/admin/order/add") { request, me in try await add(request, me) }
        routes.delete("/admin/order/delete", access: .orderEditors) { request, me in try await delete(request, me) }
        routes.put("/admin/order/confirm", access: .confirmers) { request, me in try await confirm(request, me) }
    }

    /// A page of live orders with their live lessons and the list's total, in one query whatever the page size:
    /// the page's IDs come from the live buckets and the (deleted_at, id) index (a deep page costs what the
    /// first one does), then those orders are joined with their names and lessons. The list has no filter, so
    /// its total is the trigger-kept live count (no COUNT(*) over the table), read beside the rows.
    func list(_ request: Request) async throws -> Envelope<NumberedPage<OrderListItem>> {
        let input = try await TutoringInput.read(request)
        let window = PageWindow(page: try input.int("page", "页码", 1...TutoringInput.maxInt) ?? 1, size: 10)
        let sql = database.sql
        let table = TutoringTable.order.rawValue
        let rows = try await sql.raw(OrderRow.withLessons(
            where: "o.id IN (\(LiveBuckets.pageKeys(of: table, window: window)))", total: LiveCounts.total(of: table))).all()
        // No row: a page past the end (or no order at all), the total is read alone.
        let total = if let first = rows.first {
            try first.decode(column: "total", as: Int.self)
        } else {
            try await LiveCounts.live(in: table, on: sql)
        }
        let list = try OrderRow.grouping(rows).map { OrderListItem($0.order, lessons: $0.lessons) }
        return Success.data(NumberedPage(window: window, total: total, list: list))
    }

    /// The order and its live lessons in one query.
    func info(_ request: Request) async throws -> Envelope<OrderInfo> {
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        let rows = try await database.sql.raw(OrderRow.withLessons(where: "o.id = \(bind: id) AND o.deleted_at IS NULL")).all()
        guard let found = try OrderRow.grouping(rows).first else { throw TutoringTable.order.notFound("orderID") }
        return Success.data(OrderInfo(found.order, lessons: found.lessons))
    }

    func add(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        let payMethod = try input.text("payMethod", "付款方式") ?? ""
        let amount = try input.requiredUInt("amount", "缴费金额")
        let salerID = try input.id("salerID", "销售员工ID", .optional)
        let elements = try input.requiredArray("lesson", "课程")
        if elements.isEmpty { throw AppError(code: 400, msg: "订单至少包含一个课程", fieldName: "lesson") }
        if elements.count > 50 { throw AppError(code: 400, msg: "课程数量不能超过50个", fieldName: "lesson") }
        let lessons = try elements.enumerated().map { try OrderLessonFields($0.element, index: $0.offset) }
        for lesson in lessons { try lesson.checkDateOrder() }

        try await database.transaction { sql in
            // Locked, like student/delete does: a concurrent delete of the student either waits and then sees
            // this order (409), or commits first and this add gets 404.
            try await LiveRow.lock(.student, id: studentID, field: "studentID", on: sql)
            if let salerID { try await LiveRow.require(.staff, id: salerID, field: "salerID", on: sql) }
            let prices = try await OrderQueries.liveTeacherPrices(lessons.map(\.teacherID), on: sql)
            let lessonPrices = try lessons.map { lesson in
                guard let teacherPrice = prices[lesson.teacherID] else {
                    throw TutoringTable.teacher.notFound("lesson[\(lesson.index)].teacherID")
                }
                return lesson.preprice ?? teacherPrice
            }
            let now = TutoringClock.now()
            let orderID = try await sql.insertRow(
                NewOrder(studentId: studentID, payMethod: payMethod, amount: amount, salerId: salerID ?? me.id, createTime: now, updateTime: now),
                into: .order)
            // One statement per lesson, in array order, so their IDs ascend with the index.
            for (lesson, price) in zip(lessons, lessonPrices) {
                try await sql.insertRow(NewLesson(
                    orderId: orderID, studentId: studentID, teacherId: lesson.teacherID, subject: lesson.subject,
                    allClass: lesson.allClass, weekClass: lesson.weekClass,
                    firstClassDate: NewLesson.storedDate(lesson.firstClassDate), startDate: NewLesson.storedDate(lesson.startDate),
                    endDate: NewLesson.storedDate(lesson.endDate), address: "", classType: lesson.classType, target: lesson.target,
                    parentDemand: lesson.parentDemand, studentDemand: lesson.studentDemand, program: lesson.program,
                    preprice: price, stateInfo: "", createTime: now, updateTime: now
                ), into: .lesson)
            }
        }
        return Success.none()
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        try await database.transaction { sql in
            let now = TutoringClock.now()
            // Conditional: a confirmation committed meanwhile makes this update miss instead of deleting.
            struct Deleted: Decodable { let id: Int }
            let deleted = try await sql.raw("""
                UPDATE tutoring_orders SET deleted_at = \(bind: now), deleted_by = \(bind: me.id)
                WHERE id = \(bind: id) AND deleted_at IS NULL AND state <> \(bind: OrderState.confirmed.rawValue) RETURNING id
                """).first(decoding: Deleted.self)
            guard deleted != nil else {
                let state = try await OrderQueries.liveOrderState(id, on: sql)
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

    /// order/confirm: a conditional `UPDATE … WHERE state = submitted RETURNING` confirms exactly once under concurrency.
    func confirm(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let id = try (try await TutoringInput.read(request)).requiredID("orderID", "订单ID")
        try await database.transaction { sql in
            let now = TutoringClock.now()
            struct Confirmed: Decodable { let student_id: Int }
            let confirmed = try await sql.raw("""
                UPDATE tutoring_orders SET state = \(bind: OrderState.confirmed.rawValue), confirmed_by = \(bind: me.id), confirm_time = \(bind: now), update_time = \(bind: now)
                WHERE id = \(bind: id) AND deleted_at IS NULL AND state = \(bind: OrderState.submitted.rawValue) RETURNING student_id
                """).first(decoding: Confirmed.self)
            guard let confirmed else {
                switch try await OrderQueries.liveOrderState(id, on: sql) {
                case nil: throw TutoringTable.order.notFound("orderID")
                case .confirmed?: throw AppError(code: 409, msg: "订单已确认，请勿重复确认", fieldName: "orderID")
                case .submitted?, .cancelled?: throw AppError(code: 409, msg: "订单已取消，不能确认", fieldName: "orderID")
                }
            }
            // The student has paid: 已缴费正式成为学员 (§4.1).
            try await sql.raw("""
                UPDATE tutoring_student SET state = \(bind: StudentState.enrolled.rawValue), update_time = \(bind: now) WHERE id = \(bind: confirmed.student_id)
                """).run()
        }
        return Success.none()
    }
}

/// An order row as order/add creates it: submitted, unconfirmed.
struct NewOrder: Encodable, Sendable {
    let studentId: Int
    let payMethod: String
    let amount: Int
    let salerId: Int
    let state = OrderState.submitted.rawValue
    let createTime, updateTime: Int
}
