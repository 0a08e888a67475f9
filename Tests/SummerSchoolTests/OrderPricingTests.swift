import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

/// Catalog spec §7 in cents, by hand: Σ(apply_fee + course_fee) per item, each coupon once, never below zero.
final class OrderPricingTests: XCTestCase {
    func testPriceByHand() {
        typealias Line = OrderPrice.Line
        // The worked example: 55240.00 − (500.00 + 1000.00) = 53740.00.
        let example = OrderPrice(
            lines: [Line(applyFee: 200_000, courseFee: 2_312_000), Line(applyFee: 200_000, courseFee: 2_812_000)],
            coupons: [5: 50_000, 6: 100_000])
        XCTAssertEqual(example, OrderPrice(standardFee: 5_524_000, payFee: 5_374_000))
        // Clamping: 300.00 with a 500.00 coupon → 0.
        XCTAssertEqual(OrderPrice(lines: [Line(applyFee: nil, courseFee: 30_000)], coupons: [1: 50_000]),
                       OrderPrice(standardFee: 30_000, payFee: 0))
        // Exact decimals: 1100.10 + 2200.20 = 3300.30.
        XCTAssertEqual(OrderPrice(lines: [Line(applyFee: 110_010, courseFee: 220_020)], coupons: [:]).standardFee, 330_030)
        // A null application fee counts as 0.
        XCTAssertEqual(OrderPrice(lines: [Line(applyFee: nil, courseFee: 2_312_000)], coupons: [:]).payFee, 2_312_000)
    }

    /// Through `POST /order/`: several course counts, coupons, a coupon larger than the fee, both currencies.
    func testCreatedOrdersCarryTheHandComputedPrices() async throws {
        try await SummerTestEnv.run { env, client in
            let p10 = try await env.exampleProject()
            let p11 = try await env.exampleProject(fees: [1: 2_312_000, 2: 2_312_000, 3: 2_812_000, 4: 3_312_000])
            let noApply = try await env.exampleProject(applyFee: nil, fees: [1: 30_000, 2: 45_050])
            let decimals = try await env.exampleProject(applyFee: 110_010, fees: [1: 220_020])
            let c500 = try await env.makeCoupon(amount: 50_000)
            let c1000 = try await env.makeCoupon(amount: 100_000)
            let c5000 = try await env.makeCoupon(amount: 500_000)

            struct Case {
                let items: [(Int, Int)]  // (project, course_num)
                let coupons: [Int]
                let currency: String
                let payment: String
                let standard: Int64
                let pay: Int64
            }
            let cases = [
                Case(items: [(p10, 1), (p11, 3)], coupons: [c500, c1000], currency: "RMB", payment: "BANK", standard: 5_524_000, pay: 5_374_000),
                Case(items: [(p11, 4)], coupons: [], currency: "DOLLAR", payment: "PAY_PAL", standard: 3_512_000, pay: 3_512_000),
                Case(items: [(p10, 2), (p11, 2)], coupons: [c1000], currency: "DOLLAR", payment: "BANK", standard: 5_024_000, pay: 4_924_000),
                Case(items: [(noApply, 1)], coupons: [c5000], currency: "RMB", payment: "ALI_PAY", standard: 30_000, pay: 0),
                Case(items: [(noApply, 2)], coupons: [], currency: "RMB", payment: "OFF_LINE", standard: 45_050, pay: 45_050),
                Case(items: [(decimals, 1)], coupons: [c500], currency: "RMB", payment: "BANK", standard: 330_030, pay: 280_030),
            ]
            for (index, item) in cases.enumerated() {
                let student = try await env.student("student\(index)x")
                var charts: [Int] = []
                for (project, number) in item.items {
                    charts.append(try await env.makeChart(userID: student.id, projectID: project, courseNum: number))
                }
                for coupon in item.coupons { try await env.giveCoupon(coupon, to: student.id) }
                let r = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(
                    charts: charts, coupons: item.coupons, currency: item.currency, payment: item.payment))
                XCTAssertEqual(r.code, 0, r.bodyText)
                XCTAssertEqual(r.data?["standard_fee"]?.cents, item.standard, "case \(index)")
                XCTAssertEqual(r.data?["pay_fee"]?.cents, item.pay, "case \(index)")
                XCTAssertEqual(r.data?["currency"]?["key"]?.stringValue, item.currency)
                XCTAssertEqual(r.data?["payment"]?["key"]?.stringValue, item.payment)
                struct Fees: Decodable { let standard_fee: Int64; let pay_fee: Int64 }
                let stored = try await env.sql.raw("SELECT standard_fee, pay_fee FROM summer_order WHERE id = \(bind: r.data?["id"]?.intValue ?? 0)")
                    .first(decoding: Fees.self)
                XCTAssertEqual(stored?.standard_fee, item.standard)
                XCTAssertEqual(stored?.pay_fee, item.pay)
            }
        }
    }

    /// A coupon given to several students is counted once (the original counted every assignment).
    func testACouponSharedByStudentsCountsOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let project = try await env.exampleProject()
            let coupon = try await env.makeCoupon(amount: 50_000)
            let student = try await env.student("student01")
            for name in ["student02", "student03"] { try await env.giveCoupon(coupon, to: try await env.student(name).id) }
            try await env.giveCoupon(coupon, to: student.id)
            let chart = try await env.makeChart(userID: student.id, projectID: project)
            let r = try await client.call(.post, "/order/", ticket: student.ticket, json: OrderRequests.createBody(charts: [chart], coupons: [coupon]))
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?["pay_fee"]?.cents, 2_512_000 - 50_000)
        }
    }
}
