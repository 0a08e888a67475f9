import Hummingbird
import RegistrarCore
import SQLKit

/// `POST /admin/course/create_user_course/` (back office G4, decision 18): staff assign a course to a student
/// under one of the student's orders. The checks run in the contract's order on locked rows — the order first,
/// then the course, the lock order of the student's own selection — so concurrent assignments and selections
/// of one offering never exceed its `max_num`.
enum CourseAssignment {
    struct Fields: Sendable {
        let course: Int
        let order: Int
        let user: Int

        init(_ reader: FieldReader, on sql: any SQLDatabase) async throws {
            course = try await reader.relatedRow("course", table: "summer_course", on: sql).requiredValue("course")
            order = try await reader.relatedRow("order", table: "summer_order", on: sql).requiredValue("order")
            user = try await reader.relatedRow("user", table: "summer_user", on: sql).requiredValue("user")
        }
    }

    static func assign(_ call: SummerCall) async throws -> Envelope<EmptyObject> {
        let fields = try await Fields(try await call.bodyReader(.create), on: call.sql)
        // The unique (user, order, project, course) key: the same selection made by another request.
        try await RegistrarDatabase.mappingConstraintViolation {
            try await call.database.transaction { sql in try await assign(fields, on: sql) }
        } to: { AppError.rule(alreadySelected) }
        return Reply.message("选课成功")
    }

    static let alreadySelected = "已选该课程，不能重复选择"

    /// Checks 1–9 of G4 and the insert, inside the caller's transaction.
    static func assign(_ fields: Fields, on sql: any SQLDatabase) async throws {
        struct LockedOrder: Decodable { let user_id: Int; let status: OrderStatus }
        guard let order = try await sql.lockRow(
            "summer_order", touching: "modified_time", where: "id = \(bind: fields.order)", returning: "user_id, status",
            as: LockedOrder.self), order.user_id == fields.user
        else { throw AppError.rule("订单不存在") }
        switch order.status {
        case .toConfirm: throw AppError.rule("订单已支付但未确认, 请联系管理员确认订单")
        case .toPay: throw AppError.rule("订单尚未支付")
        case .canceled: throw AppError.rule("订单已被取消")
        case .confirmFailed: throw AppError.rule("管理员已确认订单支付认证失败，不能进行任何更新操作")
        case .confirmed: break
        }

        struct LockedCourse: Decodable { let is_active: Bool; let max_num: Int }
        let course = try await sql.lockRow(
            "summer_course", touching: "modified_time", where: "id = \(bind: fields.course)", returning: "is_active, max_num",
            as: LockedCourse.self)
        let invalidCourse = AppError.rule("课程id：\(fields.course) 传入有误")
        guard let course, course.is_active else { throw invalidCourse }
        // The order's first cart item (ascending id) whose project offers the course.
        struct Chart: Decodable { let project_id: Int; let course_num: Int }
        guard let chart = try await sql.raw("""
            SELECT sc.project_id, sc.course_num FROM summer_order_chart oc \
            JOIN summer_shopping_chart sc ON sc.id = oc.chart_id \
            JOIN summer_course_project cp ON cp.project_id = sc.project_id AND cp.course_id = \(bind: fields.course) \
            WHERE oc.order_id = \(bind: fields.order) ORDER BY sc.id LIMIT 1
            """).first(decoding: Chart.self)
        else { throw invalidCourse }

        struct Count: Decodable { let n: Int }
        let selected = try await sql.raw("""
            SELECT COUNT(*) AS n FROM summer_user_course WHERE order_id = \(bind: fields.order) AND project_id = \(bind: chart.project_id)
            """).first(decoding: Count.self)?.n ?? 0
        if selected >= chart.course_num { throw AppError.rule("已达到订单最大选课数，不能再继续选课") }
        if try await sql.raw("""
            SELECT id FROM summer_user_course WHERE user_id = \(bind: fields.user) AND order_id = \(bind: fields.order) \
            AND course_id = \(bind: fields.course)
            """).first() != nil {
            throw AppError.rule(alreadySelected)
        }
        // Decision 18: the same seat rule as the student's own selection (the course row is locked above).
        try await OfferingCapacity.ensureSeats(
            projectID: chart.project_id, courseIDs: [fields.course], maxNum: [fields.course: course.max_num], on: sql)

        let now = SummerTime.now()
        try await sql.insertRow(NewUserCourse(
            userId: fields.user, courseId: fields.course, orderId: fields.order, projectId: chart.project_id,
            createTime: now, modifiedTime: now), into: "summer_user_course")
    }
}
