import RegistrarCore
import SQLKit
@testable import SummerSchool

/// Rows the back-office tests need beyond the catalogue fixtures: filled-in profiles, channels, consultants,
/// coupons and remarks, inserted directly.
extension SummerTestEnv {
    private struct ID: Decodable { let id: Int }

    /// Sets profile columns of `userID` (nil leaves a column NULL).
    func fillProfile(
        userID: Int, name: String? = nil, email: String? = nil, wechat: String? = nil, cschool: String? = nil,
        wcampus: String? = nil, firstName: String? = nil, lastName: String? = nil, gender: String? = nil,
        idNumber: String? = nil, major: String? = nil, graduateYear: String? = nil, gpa: Double? = nil,
        openid: String? = nil, channelID: Int? = nil
    ) async throws {
        try await sql.raw("""
            UPDATE summer_student_info SET name = COALESCE(\(bind: name), name), email = COALESCE(\(bind: email), email), \
            wechat = COALESCE(\(bind: wechat), wechat), cschool = COALESCE(\(bind: cschool), cschool), \
            wcampus = COALESCE(\(bind: wcampus), wcampus), first_name = \(bind: firstName), last_name = \(bind: lastName), \
            gender = \(bind: gender), id_number = \(bind: idNumber), major = \(bind: major), \
            graduate_year = \(bind: graduateYear), gpa = \(bind: gpa), openid = \(bind: openid), channel_id = \(bind: channelID) \
            WHERE user_id = \(bind: userID)
            """).run()
    }

    @discardableResult
    func makeSalesMan(_ name: String = "王五", qrCode: String = "common/sales_man/a.png") async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_sales_man (name, wechat, email, qr_code) \
            VALUES (\(bind: name), \(bind: "wx"), \(bind: "s@x.com"), \(bind: qrCode)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    func linkSalesMan(userID: Int, salesManID: Int) async throws {
        try await sql.raw("""
            INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) \
            VALUES (\(bind: userID), \(bind: salesManID), \(bind: "NEW"), \(bind: SummerTime.now()))
            """).run()
    }

    @discardableResult
    func makeChannel(_ name: String, salesManID: Int, createTime: Int64 = 1_505_629_523_000_000) async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_market_channel (name, plan_date, sales_man_id, plan_student_number, \
            plan_file_student_number, plan_payed_student_number, create_time, modified_time) \
            VALUES (\(bind: name), \(bind: "2017-09-17"), \(bind: salesManID), 1, 1, 1, \(bind: createTime), \(bind: createTime)) \
            RETURNING id
            """).first(decoding: ID.self)!.id
    }

    func linkChannel(openid: String, userID: Int, channelID: Int) async throws {
        let now = SummerTime.now()
        try await sql.raw("""
            INSERT INTO summer_user_channel (openid, user_id, channel_id, create_time, modified_time) \
            VALUES (\(bind: openid), \(bind: userID), \(bind: channelID), \(bind: now), \(bind: now))
            """).run()
    }

    @discardableResult
    func makeCoupon(_ code: String, amount: Int64 = 20_000, info: String = "新人券") async throws -> Int {
        try await sql.raw("""
            INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
            VALUES (\(bind: code), \(bind: amount), \(bind: info), \(bind: SummerTime.now()), \
            \(bind: Int64(1_497_804_049_000_000)), \(bind: Int64(1_498_754_453_000_000)), 10, \(bind: true)) RETURNING id
            """).first(decoding: ID.self)!.id
    }

    func giveCoupon(userID: Int, couponID: Int, status: String = "TO_USE") async throws {
        try await sql.raw("""
            INSERT INTO summer_user_coupon (user_id, coupon_id, status) VALUES (\(bind: userID), \(bind: couponID), \(bind: status))
            """).run()
    }

    /// The profile id of `userID`.
    func profileID(of userID: Int) async throws -> Int {
        try await sql.raw("SELECT id FROM summer_student_info WHERE user_id = \(bind: userID)").first(decoding: ID.self)!.id
    }

    /// An order of `userID` over one fresh cart item per project.
    @discardableResult
    func order(userID: Int, projects: [Int], status: String) async throws -> Int {
        var charts: [Int] = []
        for project in projects { charts.append(try await makeChart(userID: userID, projectID: project)) }
        return try await makeOrder(userID: userID, chartIDs: charts, status: status)
    }
}
