import Foundation
import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// The public sample export: the five facts of its README, and imported data behaving like API-created data.
final class ImportSampleTests: XCTestCase {
    func testSampleImportsWithItsFacts() async throws {
        try await SummerTestEnv.run { env, _ in
            let report = try await env.importOriginal(try ImportFixtures.sample())
            XCTAssertFalse(report.dryRun)
            XCTAssertEqual(report.line("authentication.user")?.imported, 11)
            XCTAssertEqual(report.line("authentication.ticket")?.skipped, 1)
            XCTAssertEqual(report.line("common.firstlevel")?.skipped, 1)
            XCTAssertEqual(report.line("operate_history.orderoperatehistory")?.imported, 14)
            XCTAssertEqual(report.models.reduce(0) { $0 + $1.line.read }, 108)
            XCTAssertEqual(report.warnings, [], "every invariant holds in the sample")
            XCTAssertTrue(report.text.contains("invariants: all hold"))

            // 1. Float noise becomes exact money.
            struct Fees: Decodable, Equatable { let status: String; let standard_fee: Int64; let pay_fee: Int64 }
            func fees(_ id: Int) async throws -> Fees? {
                try await env.sql.raw("SELECT status, standard_fee, pay_fee FROM summer_order WHERE id = \(bind: id)").first(decoding: Fees.self)
            }
            let order41 = try await fees(41)
            XCTAssertEqual(order41, Fees(status: "CONFIRMED", standard_fee: 2_809_980, pay_fee: 2_729_980))
            let charts = try await env.sql.raw("SELECT chart_id AS v FROM summer_order_chart WHERE order_id = 41 ORDER BY chart_id").all()
            XCTAssertEqual(try charts.map { try $0.decode(column: "v", as: Int.self) }, [51, 52])
            let coupon41 = try await env.scalar("SELECT coupon_id AS v FROM summer_order_coupon WHERE order_id = 41")
            XCTAssertEqual(coupon41, 1)
            let applyFee = try await env.scalar("SELECT apply_fee AS v FROM summer_project WHERE id = 1", as: Int64.self)
            XCTAssertEqual(applyFee, 29_990)
            let payment21 = try await env.scalar("SELECT amount AS v FROM summer_order_payment WHERE id = 21", as: Int64.self)
            XCTAssertEqual(payment21, 2_729_980)
            let selections = try await env.scalar("SELECT COUNT(*) AS v FROM summer_user_course WHERE order_id = 41 AND user_id = 7")
            XCTAssertEqual(selections, 3)
            let switched = try await env.scalar(
                "SELECT credit_switch_status AS v FROM summer_user_course WHERE id = 1", as: String.self)
            XCTAssertEqual(switched, "SUCCESS")

            // 2. CONFIRMED_FAILED becomes CONFIRM_FAILED, like the correctly spelled order 43.
            let order44 = try await fees(44)
            XCTAssertEqual(order44, Fees(status: "CONFIRM_FAILED", standard_fee: 1_160_000, pay_fee: 1_010_000))
            let order43 = try await fees(43)
            XCTAssertEqual(order43?.status, "CONFIRM_FAILED")
            let uc3 = try await env.scalar("SELECT status AS v FROM summer_user_coupon WHERE id = 3", as: String.self)
            XCTAssertEqual(uc3, "TO_USE")

            // 3. Dollar orders keep RMB-scale fees; the payment keeps what was paid.
            let order45 = try await fees(45)
            XCTAssertEqual(order45, Fees(status: "TO_CONFIRM", standard_fee: 2_140_000, pay_fee: 1_990_000))
            let payment24 = try await env.scalar("SELECT amount AS v FROM summer_order_payment WHERE id = 24", as: Int64.self)
            XCTAssertEqual(payment24, 289_000)
            let account2 = try await env.scalar("SELECT payment AS v FROM summer_payment_account_info WHERE id = 2", as: String.self)
            XCTAssertEqual(account2, "PAY_PAL")

            // 4. Soft references: 0 or missing → null; wcampus kept as Registrar stores it.
            struct Profile: Decodable { let id: Int; let channel_id: Int?; let recommand_user_id: Int?; let wcampus: String; let gender: String? }
            let profiles = try await env.sql.raw("""
                SELECT id, channel_id, recommand_user_id, wcampus, gender FROM summer_student_info ORDER BY id
                """).all(decoding: Profile.self)
            XCTAssertEqual(profiles.map(\.channel_id), [1, nil, nil, nil, nil, nil, nil, nil])
            XCTAssertEqual(profiles.map(\.recommand_user_id), [nil, nil, nil, 7, nil, nil, nil, nil])
            XCTAssertEqual(profiles[0].wcampus, "[\"1\",\"2\"]")
            XCTAssertEqual(profiles[6].wcampus, "[\"杭州校区\"]")
            XCTAssertEqual(ProfileRow.decodeCampuses(profiles[6].wcampus), ["杭州校区"])
            XCTAssertEqual(profiles[7].wcampus, "")
            XCTAssertEqual(report.clearedReferences.map { "\($0.column) \($0.zero) \($0.missing)" },
                           ["student_info.channel_id 6 1", "student_info.recommand_user_id 6 1"])
            let channelOf6 = try await env.scalar("SELECT channel_id AS v FROM summer_user_channel WHERE user_id = 12")
            XCTAssertEqual(channelOf6, 1)

            // 5. Course 5 (inactive) keeps its link to project 2 (inactive); the navigation tree is Registrar's.
            let links = try await env.scalar("SELECT COUNT(*) AS v FROM summer_course_project WHERE course_id = 5 AND project_id = 2")
            XCTAssertEqual(links, 1)
            let firstLevels = try await env.count("summer_common_first_level")
            XCTAssertEqual(firstLevels, 5)
            let tickets = try await env.count("summer_ticket")
            XCTAssertEqual(tickets, 0)
        }
    }

    func testOldPasswordsLogInAndAccountsKeepTheirState() async throws {
        try await SummerTestEnv.run { env, client in
            try await env.importOriginal(try ImportFixtures.sample())
            // Staff and students log in with their old passwords; the pbkdf2 hash is replaced by bcrypt.
            _ = try await env.login(client, "chenzq_admin", "Admin#2018")
            _ = try await env.login(client, "dengxm_mkt", "market2018")
            let student = try await env.login(client, "oZ5Hq1xqN5jNOIteJ7I4P6Ks6rhQ", "student2018")
            XCTAssertFalse(student.isEmpty)
            let hash = try await env.scalar("SELECT password AS v FROM summer_user WHERE id = 1", as: String.self)
            XCTAssertEqual(hash?.hasPrefix("pbkdf2_sha256$"), false)
            let untouched = try await env.scalar("SELECT password AS v FROM summer_user WHERE id = 8", as: String.self)
            XCTAssertEqual(untouched?.hasPrefix("pbkdf2_sha256$36000$"), true)

            // Inactive staff and a student without a password cannot log in.
            let inactive = try await client.call(.post, "/auth/user/login/", json: ["username": "xuli_fin", "password": "finance2018"])
            XCTAssertNil(inactive.data?["ticket"]?.stringValue)
            XCTAssertNotEqual(inactive.code, 0)
            let noPassword = try await client.call(
                .post, "/auth/user/login/", json: ["username": "oZ5Hq1dLfvDtEXgsgtqJe05et6mA", "password": "student2018"])
            XCTAssertNotEqual(noPassword.code, 0)

            // Imported rows answer through the API like created ones: the student's mailing addresses, the
            // admin's user list.
            let addresses = try await client.call(.get, "/auth/user/score_detail/", ticket: student)
            XCTAssertEqual(addresses.code, 0, addresses.bodyText)
            XCTAssertTrue(addresses.bodyText.contains("UCSD Study Abroad Office"), addresses.bodyText)
            let admin = try await env.login(client, "chenzq_admin", "Admin#2018")
            let users = try await client.call(.get, "/auth/user/", ticket: admin)
            XCTAssertEqual(users.code, 0, users.bodyText)
            XCTAssertEqual(users.data?["count"]?.intValue, 11)
            XCTAssertTrue(users.bodyText.contains("oZ5Hq1dLfvDtEXgsgtqJe05et6mA") && users.bodyText.contains("xuli_fin"), users.bodyText)
        }
    }

    func testNewRowsGetIdsAboveTheImportedOnes() async throws {
        try await SummerTestEnv.run { env, _ in
            try await env.importOriginal(try ImportFixtures.sample())
            let user = try await env.makeUser("new_student_after_import")
            XCTAssertGreaterThan(user, 14)
            let campus = try await env.makeCampus("新校区")
            XCTAssertGreaterThan(campus, 2)
            let course = try await env.makeCourse("NEW101")
            XCTAssertGreaterThan(course, 6)
            struct ID: Decodable { let id: Int }
            let now = SummerTime.now()
            let cart = try await env.sql.raw("""
                INSERT INTO summer_shopping_chart (project_id, user_id, course_num, course_fee, create_time, modified_time, status, \
                stu_score_detail_id) VALUES (3, \(bind: user), 1, 1080000, \(bind: now), \(bind: now), 'NEW', 1) RETURNING id
                """).first(decoding: ID.self)!.id
            XCTAssertGreaterThan(cart, 58)
            let order = try await env.sql.raw("""
                INSERT INTO summer_order (user_id, currency, payment, status, standard_fee, pay_fee, create_time, modified_time) \
                VALUES (\(bind: user), 'RMB', 'BANK', 'TO_PAY', 1, 1, \(bind: now), \(bind: now)) RETURNING id
                """).first(decoding: ID.self)!.id
            XCTAssertGreaterThan(order, 46)
            let history = try await env.sql.raw("""
                INSERT INTO summer_order_operate_history (operator_id, "key", create_time, remark, source_id) \
                VALUES (1, 'CREATE', \(bind: now), '创建了订单', \(bind: order)) RETURNING id
                """).first(decoding: ID.self)!.id
            XCTAssertGreaterThan(history, 114)
        }
    }

    /// What the back office shows of an order: its student, carts, coupons, payment and history.
    func testAnOrderReadsWithItsHistoryAndPayment() async throws {
        try await SummerTestEnv.run { env, _ in
            try await env.importOriginal(try ImportFixtures.sample())
            struct History: Decodable { let id: Int; let operator_id: Int; let key: String; let remark: String }
            let history = try await env.sql.raw("""
                SELECT h.id, h.operator_id, h."key", h.remark FROM summer_order_operate_history h \
                JOIN summer_order o ON o.id = h.source_id WHERE o.id = 41 ORDER BY h.id
                """).all(decoding: History.self)
            XCTAssertEqual(history.map(\.id), [101, 102, 103])
            XCTAssertEqual(history.last?.remark, "订单支付成功，已确认")
            XCTAssertEqual(history.last?.operator_id, 1)
            struct Line: Decodable { let name: String; let project: String?; let detail: String }
            let lines = try await env.sql.raw("""
                SELECT i.name, p.name AS project, d.department AS detail FROM summer_order o \
                JOIN summer_student_info i ON i.user_id = o.user_id JOIN summer_order_chart oc ON oc.order_id = o.id \
                JOIN summer_shopping_chart c ON c.id = oc.chart_id JOIN summer_project p ON p.id = c.project_id \
                JOIN summer_student_score_detail d ON d.id = c.stu_score_detail_id WHERE o.id = 41 ORDER BY c.id
                """).all(decoding: Line.self)
            XCTAssertEqual(lines.map(\.name), ["钱思远", "钱思远"])
            XCTAssertEqual(lines.map(\.project), ["2018杭州暑期项目", "2018成都暑期项目"])
            XCTAssertEqual(lines.last?.detail, "UCSD Study Abroad Office")
            let remark46 = try await env.scalar("SELECT remark AS v FROM summer_order WHERE id = 46", as: String.self)
            XCTAssertEqual(remark46, "需要开具发票")
            let cart58 = try await env.scalar("SELECT status AS v FROM summer_shopping_chart WHERE id = 58", as: String.self)
            XCTAssertEqual(cart58, "NEW")
        }
    }

    func testDryRunWritesNothingAndASecondImportIsRefused() async throws {
        try await SummerTestEnv.run { env, _ in
            let report = try await env.importOriginal(try ImportFixtures.sample(), dryRun: true)
            XCTAssertTrue(report.dryRun)
            XCTAssertEqual(report.line("order.order")?.imported, 6)
            XCTAssertTrue(report.text.hasPrefix("Dry run"))
            for table in ImportTable.all.map(\.name) {
                let rows = try await env.count(table)
                XCTAssertEqual(rows, 0, table)
            }
            try await env.importOriginal(try ImportFixtures.sample())
            let message = try await env.refusal(try ImportFixtures.sample())
            XCTAssertTrue(message.contains("not fresh"), message)
            let users = try await env.count("summer_user")
            XCTAssertEqual(users, 11)
        }
    }
}
