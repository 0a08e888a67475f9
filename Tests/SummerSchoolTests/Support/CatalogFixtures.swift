import RegistrarCore
import SQLKit
@testable import SummerSchool

/// Catalogue, cart, order and selection rows inserted directly, so a test of one module does not depend on the
/// routes of another. Money in cents, dates `YYYY-MM-DD`.
extension SummerTestEnv {
    private struct ID: Decodable { let id: Int }

    @discardableResult
    func makeCampus(_ name: String = "武汉校区", info: String = "针对国际业务", active: Bool = true) async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_campus (name, info, network_course, create_time, is_active) \
            VALUES (\(bind: name), \(bind: info), \(bind: false), \(bind: SummerTime.now()), \(bind: active)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// A project with its fee table: `fees` maps course counts to total course fees in cents.
    @discardableResult
    func makeProject(
        campusID: Int, name: String = "冬季课程", applyFee: Int64? = 200_000, courseNum: Int = 4,
        fees: [Int: Int64] = [1: 2_312_000, 2: 2_312_000, 3: 2_812_000], active: Bool = true,
        startDate: String = "2025-12-25", endDate: String = "2026-01-12"
    ) async throws -> Int {
        let id = try await sql.raw("""
            INSERT INTO summer_project (campus_id, name, start_date, end_date, address, info, create_time, apply_fee, \
            course_num, is_active) VALUES (\(bind: campusID), \(bind: name), \(bind: startDate), \(bind: endDate), \
            \(bind: "武汉市"), \(bind: "3周课程"), \(bind: SummerTime.now()), \(bind: applyFee), \(bind: courseNum), \
            \(bind: active)) RETURNING id
            """).first(decoding: ID.self)!.id
        for (number, fee) in fees.sorted(by: { $0.key < $1.key }) {
            try await sql.raw("""
                INSERT INTO summer_project_course_fee (project_id, course_number, course_fee) \
                VALUES (\(bind: id), \(bind: number), \(bind: fee))
                """).run()
        }
        return id
    }

    @discardableResult
    func makeCourse(_ code: String, name: String = "Western Art", maxNum: Int = 100, credit: Int = 4, active: Bool = true) async throws -> Int {
        let now = SummerTime.now()
        return try await sql.raw("""
            INSERT INTO summer_course (course_code, name, max_num, credit, create_time, modified_time, is_active) \
            VALUES (\(bind: code), \(bind: name), \(bind: maxNum), \(bind: credit), \(bind: now), \(bind: now), \(bind: active)) \
            RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// Offers `courseID` in `projectID` (a course_project link).
    @discardableResult
    func offer(courseID: Int, inProject projectID: Int, professor: String = "Smith") async throws -> Int {
        let now = SummerTime.now()
        return try await sql.raw("""
            INSERT INTO summer_course_project (project_id, course_id, create_time, modified_time, professor, start_time, \
            end_time, address) VALUES (\(bind: projectID), \(bind: courseID), \(bind: now), \(bind: now), \
            \(bind: professor), \(bind: "2026-01-01"), \(bind: "2026-01-10"), \(bind: "Room 1")) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    @discardableResult
    func makeScoreDetail(userID: Int, address: String = "纽约市") async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_student_score_detail (user_id, department, phone, country, post_code, address) \
            VALUES (\(bind: userID), \(bind: "材料学院"), \(bind: "18608146540"), \(bind: "美国"), \(bind: "021878"), \
            \(bind: address)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// A cart item; `courseFee` defaults to the project's fee row for `courseNum`.
    @discardableResult
    func makeChart(
        userID: Int, projectID: Int, courseNum: Int = 1, courseFee: Int64? = nil, scoreDetailID: Int? = nil,
        status: String = "NEW"
    ) async throws -> Int {
        struct Fee: Decodable { let course_fee: Int64 }
        let fee: Int64
        if let courseFee { fee = courseFee } else {
            fee = try await sql.raw("""
                SELECT course_fee FROM summer_project_course_fee WHERE project_id = \(bind: projectID) \
                AND course_number = \(bind: courseNum)
                """).first(decoding: Fee.self)?.course_fee ?? 0
        }
        let detail: Int
        if let scoreDetailID { detail = scoreDetailID } else { detail = try await makeScoreDetail(userID: userID) }
        let now = SummerTime.now()
        return try await sql.raw("""
            INSERT INTO summer_shopping_chart (project_id, user_id, course_num, course_fee, create_time, modified_time, \
            status, stu_score_detail_id) VALUES (\(bind: projectID), \(bind: userID), \(bind: courseNum), \(bind: fee), \
            \(bind: now), \(bind: now), \(bind: status), \(bind: detail)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// An order over `chartIDs` (marked ORDERED) in `status`, with its coupon links; no history rows.
    @discardableResult
    func makeOrder(
        userID: Int, chartIDs: [Int], status: String = "TO_PAY", standardFee: Int64 = 2_512_000,
        payFee: Int64 = 2_512_000, currency: String = "RMB", payment: String = "BANK", couponIDs: [Int] = [],
        createTime: Int64 = SummerTime.now()
    ) async throws -> Int {
        let id = try await sql.raw("""
            INSERT INTO summer_order (user_id, currency, payment, status, standard_fee, pay_fee, create_time, \
            modified_time, remark) VALUES (\(bind: userID), \(bind: currency), \(bind: payment), \(bind: status), \
            \(bind: standardFee), \(bind: payFee), \(bind: createTime), \(bind: createTime), \(bind: String?.none)) \
            RETURNING id
            """).first(decoding: ID.self)!.id
        for chartID in chartIDs {
            try await sql.raw("INSERT INTO summer_order_chart (order_id, chart_id) VALUES (\(bind: id), \(bind: chartID))").run()
            try await sql.raw("UPDATE summer_shopping_chart SET status = 'ORDERED' WHERE id = \(bind: chartID)").run()
        }
        for couponID in couponIDs {
            try await sql.raw("INSERT INTO summer_order_coupon (order_id, coupon_id) VALUES (\(bind: id), \(bind: couponID))").run()
        }
        return id
    }

    /// A course selection (user_course row) under an order.
    @discardableResult
    func makeUserCourse(
        userID: Int, orderID: Int, projectID: Int, courseID: Int, status: String = "TO_UPLOAD",
        creditSwitchStatus: String = "PRE_POSTED", score: Int = 0
    ) async throws -> Int {
        let now = SummerTime.now()
        return try await sql.raw("""
            INSERT INTO summer_user_course (user_id, course_id, order_id, project_id, create_time, modified_time, score, \
            status, credit_switch_status) VALUES (\(bind: userID), \(bind: courseID), \(bind: orderID), \(bind: projectID), \
            \(bind: now), \(bind: now), \(bind: score), \(bind: status), \(bind: creditSwitchStatus)) RETURNING id
            """).first(decoding: ID.self)!.id
    }
}
