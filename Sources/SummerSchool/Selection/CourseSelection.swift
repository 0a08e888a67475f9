import RegistrarCore
import SQLKit

/// `POST /source/user_course/` — a student selects courses for one purchased project (S20 required checks,
/// D7, D11, decisions 18 and 19). Field errors come first, in the field order order, chart_id, course_ids;
/// every later check runs inside the one transaction that inserts the rows.
struct CourseSelection: Sendable {
    let orderID: Int
    let chartID: Int
    let courseIDs: [Int]

    static let alreadySelected = "该项目已选有当前课程，请重新选择"

    static func read(_ call: SummerCall) async throws -> CourseSelection {
        let reader = try await call.bodyReader(.create)
        let order = try await SelectionInput.ownOrder(reader, caller: call.caller.id, confirmedOnly: false, on: call.sql)
        let chart = try reader.int("chart_id").value!
        let courses = try SelectionInput.idList(reader, "course_ids")
        return CourseSelection(orderID: order, chartID: chart, courseIDs: courses)
    }

    /// Inserts one user_course row per course, or nothing.
    func apply(userID: Int, database: RegistrarDatabase) async throws {
        let selection = self
        // The unique (user, order, project, course) key (D7); the locks make this a last line of defence.
        try await RegistrarDatabase.mappingConstraintViolation {
            try await database.transaction { sql in try await selection.run(userID: userID, on: sql) }
        } to: { AppError.rule(Self.alreadySelected) }
    }

    private func run(userID: Int, on sql: any SQLDatabase) async throws {
        // D7: the order row is locked first (the admin assignment does the same), so the remaining count and
        // the duplicate check below see every selection made under this order.
        struct LockedOrder: Decodable { let status: OrderStatus }
        guard let order = try await sql.lockRow(
            "summer_order", touching: "modified_time", where: "id = \(bind: orderID) AND user_id = \(bind: userID)",
            returning: "status", as: LockedOrder.self)
        else { throw AppError.field("order", FieldMessage.noSuchObject(String(orderID))) }
        guard order.status == .confirmed else { throw SelectionInput.orderNotConfirmed }

        // The cart item must be the caller's and one of this order's.
        struct Chart: Decodable { let project_id: Int; let course_num: Int }
        guard let chart = try await sql.raw("""
            SELECT c.project_id, c.course_num FROM summer_order_chart oc \
            JOIN summer_shopping_chart c ON c.id = oc.chart_id \
            WHERE oc.order_id = \(bind: orderID) AND oc.chart_id = \(bind: chartID) AND c.user_id = \(bind: userID)
            """).first(decoding: Chart.self)
        else { throw AppError.rule("chart_id：\(chartID) 传入有误") }

        // Each course, in request order: active, offered in the cart item's project, not repeated. The
        // project's offerings are read whole, so no request-sized list reaches SQL before this check.
        struct Offered: Decodable { let course_id: Int }
        let offered = Set(try await sql.raw("""
            SELECT cp.course_id FROM summer_course_project cp JOIN summer_course c ON c.id = cp.course_id \
            WHERE cp.project_id = \(bind: chart.project_id) AND c.is_active = \(bind: true)
            """).all(decoding: Offered.self).map(\.course_id))
        var seen = Set<Int>()
        for id in courseIDs where !offered.contains(id) || !seen.insert(id).inserted {
            throw AppError.rule("课程id：\(id) 传入有误")
        }

        struct Count: Decodable { let n: Int }
        let selected = try await sql.raw("""
            SELECT COUNT(*) AS n FROM summer_user_course WHERE user_id = \(bind: userID) \
            AND order_id = \(bind: orderID) AND project_id = \(bind: chart.project_id)
            """).first(decoding: Count.self)?.n ?? 0
        let remaining = chart.course_num - selected
        if courseIDs.count > remaining {
            throw AppError.rule("当前剩余可选课程为：\(remaining)门，传入了\(courseIDs.count)门课程")
        }

        // Then the courses, in ascending id, before the seat count (decision 18).
        let maxNum = try await OfferingCapacity.lockCourses(courseIDs, on: sql)

        struct Existing: Decodable { let course_id: Int }
        let existing = Set(try await sql.raw("""
            SELECT course_id FROM summer_user_course WHERE user_id = \(bind: userID) AND order_id = \(bind: orderID) \
            AND project_id = \(bind: chart.project_id) AND course_id IN (\(binds: courseIDs))
            """).all(decoding: Existing.self).map(\.course_id))
        if !existing.isEmpty { throw AppError.rule(Self.alreadySelected) }

        try await OfferingCapacity.ensureSeats(projectID: chart.project_id, courseIDs: courseIDs, maxNum: maxNum, on: sql)

        let now = SummerTime.now()
        let rows = courseIDs.map { id in
            NewUserCourse(userId: userID, courseId: id, orderId: orderID, projectId: chart.project_id, createTime: now, modifiedTime: now)
        }
        try await sql.insert(into: "summer_user_course")
            .models(rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
    }
}
