import Foundation
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// Small exports: every refusal names the model, pk and field, and leaves nothing written.
final class ImportRefusalTests: XCTestCase {
    func testTheBaseFixtureImportsExactly() async throws {
        try await SummerTestEnv.run { env, _ in
            let report = try await env.importOriginal(try ImportFixtures.encode(ImportFixtures.base()))
            XCTAssertEqual(report.warnings, [], report.text)
            let gpa = try await env.scalar("SELECT gpa AS v FROM summer_student_info WHERE id = 1", as: Double.self)
            XCTAssertEqual(gpa, 3.42)
            let amount = try await env.scalar("SELECT amount AS v FROM summer_coupon WHERE id = 1", as: Int64.self)
            XCTAssertEqual(amount, 30)
            let fees = try await env.scalar("SELECT standard_fee * 10000000 + pay_fee AS v FROM summer_order WHERE id = 7", as: Int64.self)
            XCTAssertEqual(fees, 330_030 * 10_000_000 + 330_000)
            let gender = try await env.scalar("SELECT gender AS v FROM summer_student_info WHERE id = 1", as: String.self)
            XCTAssertNil(gender, "the original's \"\" is Registrar's null")
            let image = try await env.scalar("SELECT confirm_img AS v FROM summer_user_course WHERE id = 1", as: String.self)
            XCTAssertNil(image)
            let lastLogin = try await env.scalar("SELECT last_login AS v FROM summer_user WHERE id = 2", as: Int64.self)
            XCTAssertEqual(lastLogin.map(SummerTime.render), "2018-02-01T08:00:00.123000Z")
            XCTAssertTrue(report.text.contains("student_info.recommand_user_id: set to null on 1 row(s) (0 were 0, 1 named a missing row)"), report.text)
            XCTAssertTrue(report.text.contains("student_info.channel_id: set to null on 1 row(s) (1 were 0, 0 named a missing row)"), report.text)
        }
    }

    func testRefusalsNameModelPkAndFieldAndWriteNothing() async throws {
        let cases: [(records: [[String: Any]], expected: [String])] = [
            (ImportFixtures.base("order.order", 7, "status", "PAID"), ["order.order pk 7", "field status", "PAID"]),
            (ImportFixtures.base("order.order", 7, "chart_ids", "[1,"), ["order.order pk 7", "field chart_ids", "malformed"]),
            (ImportFixtures.base("order.order", 7, "chart_ids", "[99]"), ["order.order pk 7", "field chart_ids", "cart 99"]),
            (ImportFixtures.base("order.order", 7, "coupon_list", "[\"x\"]"), ["order.order pk 7", "field coupon_list"]),
            (ImportFixtures.base("order.order", 7, "pay_fee", "12"), ["order.order pk 7", "field pay_fee"]),
            (ImportFixtures.base("order.order", 7, "standard_fee", 1e12), ["field standard_fee", "decimal(12,2)"]),
            (ImportFixtures.base("order.order", 7, "user", 42), ["order.order pk 7", "field user", "user 42"]),
            (ImportFixtures.base("order.usercourse", 1, "credit_switch_status", "DONE"), ["order.usercourse pk 1", "field credit_switch_status"]),
            (ImportFixtures.base("authentication.user", 1, "role", "ROOT"), ["authentication.user pk 1", "field role"]),
            (ImportFixtures.base("authentication.user", 1, "is_active", nil), ["authentication.user pk 1", "field is_active", "missing"]),
            (ImportFixtures.base("authentication.user", 1, "create_time", "yesterday"), ["authentication.user pk 1", "field create_time"]),
            (ImportFixtures.base("authentication.userinfo", 1, "wcampus", "[\"1\""), ["authentication.userinfo pk 1", "field wcampus"]),
            (ImportFixtures.base("authentication.userinfo", 1, "gender", "X"), ["authentication.userinfo pk 1", "field gender"]),
            (ImportFixtures.base("source.project", 1, "start_date", "2018-02-30"), ["source.project pk 1", "field start_date"]),
            (ImportFixtures.base("coupon.usercoupon", 1, "status", "EXPIRED"), ["coupon.usercoupon pk 1", "field status"]),
            (ImportFixtures.base("source.course", 1, "max_num", NSNull()), ["source.course pk 1", "field max_num", "null"]),
            (ImportFixtures.base() + [ImportFixtures.record("source.campus", 1, ["name": "again"])], ["source.campus pk 1", "second"]),
        ]
        let encoded = try cases.map { (try ImportFixtures.encode($0.records), $0.expected) }
        try await SummerTestEnv.run { env, _ in
            for (data, expected) in encoded {
                let message = try await env.refusal(data)
                for part in expected { XCTAssertTrue(message.contains(part), "\(message) lacks \(part)") }
                for table in ["summer_user", "summer_campus", "summer_order"] {
                    let rows = try await env.count(table)
                    XCTAssertEqual(rows, 0, "\(message): \(table) written")
                }
            }
        }
    }

    func testCaseInsensitiveUsernameCollisionsNameBothPks() async throws {
        try await SummerTestEnv.run { env, _ in
            let clash = ImportFixtures.record("authentication.user", 3, [
                "username": "Boss_Admin", "password": NSNull(), "name": NSNull(), "role": "MARKET", "is_active": true,
                "is_superuser": false, "last_login": NSNull(), "create_time": "2018-01-01T00:00:00Z", "qr_code": NSNull(),
            ])
            var records = ImportFixtures.base()
            records.insert(clash, at: 2)
            let message = try await env.refusal(try ImportFixtures.encode(records))
            XCTAssertTrue(message.contains("authentication.user pk 3"), message)
            XCTAssertTrue(message.contains("pk 1"), message)
            XCTAssertTrue(message.contains("username"), message)

            // Across batches too (the first batch is already in the database).
            var many = ImportFixtures.base()
            let filler = (10..<(10 + BatchWriter.batchSize(.user) + 5)).map { pk in
                ImportFixtures.record("authentication.user", pk, [
                    "username": pk == 10 + BatchWriter.batchSize(.user) + 4 ? "OSTUDENTOPENID" : "user\(pk)", "password": NSNull(),
                    "name": NSNull(), "role": "STUDENT", "is_active": true, "is_superuser": false, "last_login": NSNull(),
                    "create_time": "2018-01-01T00:00:00Z", "qr_code": NSNull(),
                ])
            }
            many.insert(contentsOf: filler, at: 2)
            let second = try await env.refusal(try ImportFixtures.encode(many))
            XCTAssertTrue(second.contains("pk \(10 + BatchWriter.batchSize(.user) + 4)") && second.contains("pk 2"), second)
            let users = try await env.count("summer_user")
            XCTAssertEqual(users, 0)
        }
    }

    func testDatabaseUniqueKeysAreReportedByRecord() async throws {
        try await SummerTestEnv.run { env, _ in
            var records = ImportFixtures.base()
            records.insert(ImportFixtures.record("source.course", 2, [
                "course_code": "C1", "name": "dup", "max_num": 1, "credit": 3, "create_time": "2018-01-01T00:00:00Z",
                "modified_time": "2018-01-01T00:00:00Z", "is_active": true,
            ]), at: 8)
            let message = try await env.refusal(try ImportFixtures.encode(records))
            XCTAssertTrue(message.contains("source.course pk 2") && message.contains("course_code") && message.contains("pk 1"), message)
        }
    }

    func testUnknownModelsAndFieldsAreReportedNotFatal() async throws {
        try await SummerTestEnv.run { env, _ in
            var records = ImportFixtures.base("source.campus", 1, "city", "北京")
            records.append(ImportFixtures.record("newapp.thing", 1, ["x": 1]))
            records.append(ImportFixtures.record("authentication.ticket", 1, ["user": 1, "ticket": "TK-1"]))
            let report = try await env.importOriginal(try ImportFixtures.encode(records))
            XCTAssertEqual(report.line("newapp.thing")?.skipped, 1)
            XCTAssertEqual(report.line("newapp.thing")?.reason, "unknown model")
            XCTAssertEqual(report.line("authentication.ticket")?.imported, 0)
            XCTAssertEqual(report.unknownFields["source.campus"], ["city"])
            XCTAssertTrue(report.text.contains("unknown fields of source.campus, not imported: city"), report.text)
            let campuses = try await env.count("summer_campus")
            XCTAssertEqual(campuses, 1)
        }
    }

    func testInvariantWarningsAreComputedAfterTheImport() async throws {
        try await SummerTestEnv.run { env, _ in
            var records = ImportFixtures.base("order.order", 7, "pay_fee", 100.0)
            // A second unfinished order of the same student, a LOCKED coupon without an order, a full course.
            records.append(ImportFixtures.record("order.order", 8, [
                "user": 2, "chart_ids": "[]", "currency": "RMB", "payment": "BANK", "status": "TO_PAY", "standard_fee": 0.0,
                "pay_fee": 0.0, "create_time": "2018-03-01T00:00:00Z", "modified_time": "2018-03-01T00:00:00Z",
            ]))
            records.append(ImportFixtures.record("order.order", 9, [
                "user": 2, "chart_ids": "[]", "currency": "RMB", "payment": "BANK", "status": "TO_CONFIRM", "standard_fee": 0.0,
                "pay_fee": 0.0, "create_time": "2018-03-01T00:00:00Z", "modified_time": "2018-03-01T00:00:00Z", "coupon_list": NSNull(),
            ]))
            records.append(ImportFixtures.record("order.usercourse", 2, [
                "user": 2, "course": 1, "order": 8, "project": 1, "create_time": "2018-03-01T00:00:00Z",
                "modified_time": "2018-03-01T00:00:00Z", "score": 0, "status": "TO_UPLOAD", "credit_switch_status": "PRE_POSTED",
            ]))
            records = records.map { record in
                guard record["model"] as? String == "coupon.usercoupon" else { return record }
                return ImportFixtures.record("coupon.usercoupon", 1, ["user": 2, "coupon": 1, "status": "LOCKED"])
            }
            let report = try await env.importOriginal(try ImportFixtures.encode(records))
            let titles = report.warnings.map(\.title)
            XCTAssertEqual(report.warnings.count, 4, report.text)
            XCTAssertTrue(titles.contains { $0.hasPrefix("order fees") })
            XCTAssertTrue(titles.contains { $0.hasPrefix("students with more than one unfinished") })
            XCTAssertTrue(titles.contains { $0.hasPrefix("student coupons") })
            XCTAssertTrue(titles.contains { $0.hasPrefix("course offerings") })
            XCTAssertTrue(report.text.contains("id 7, standard_fee 3300.3, expected_standard 3300.3, pay_fee 100, expected_pay 3300"), report.text)
            XCTAssertTrue(report.text.contains("user_id 2, orders 2, first_order 8, last_order 9"), report.text)
        }
    }

    func testMediaFilesAreCopiedAndMissingOnesListed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("original-media-\(UUID().uuidString)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-media-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: root)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("order/order_payment"), withIntermediateDirectories: true)
        try Data("jpeg".utf8).write(to: folder.appendingPathComponent("order/order_payment/proof.jpg"))
        var records = ImportFixtures.base("order.usercourse", 1, "switch_img", "project/result/photo/gone.jpg")
        records.append(ImportFixtures.record("common.salesman", 1, ["name": "n", "wechat": "w", "email": "e@x.cn", "qr_code": "../../etc/passwd"]))
        let data = try ImportFixtures.encode(records)
        try await SummerTestEnv.run { env, _ in
            let dry = try await env.importOriginal(data, dryRun: true, mediaFrom: folder.path, mediaRoot: root.path)
            XCTAssertEqual(dry.media?.missingCount, 2)
            XCTAssertNil(dry.media?.copied)
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("order/order_payment/proof.jpg").path))

            let report = try await env.importOriginal(data, mediaFrom: folder.path, mediaRoot: root.path)
            XCTAssertEqual(report.media?.referenced, 3)
            XCTAssertEqual(report.media?.copied, 1)
            XCTAssertTrue(report.text.contains("missing file: order.usercourse pk 1 switch_img: project/result/photo/gone.jpg"), report.text)
            let copied = try Data(contentsOf: root.appendingPathComponent("order/order_payment/proof.jpg"))
            XCTAssertEqual(String(decoding: copied, as: UTF8.self), "jpeg")
        }
    }
}
