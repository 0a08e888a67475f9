import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// The student's proof uploads: course review (S24) and credit transfer (S26), with D12 and D13.
final class UserCourseUploadTests: XCTestCase {
    static let review = "/source/user_course/student_confirm_course/"
    static let credit = "/source/user_course/course_credit_switch/"
    typealias Part = (name: String, bytes: [UInt8], filename: String?)

    static func target(_ world: SelectionWorld, course: Int? = nil) -> [Part] {
        [SelectionTestData.text("chart_id", world.chart), SelectionTestData.text("course", course ?? world.courses[0]),
         SelectionTestData.text("order", world.order)]
    }

    // MARK: Course review (S24)

    func testReviewUploadAsFileStoresTheImageAndMovesTheRow() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let row = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let before = try await env.storedSelection(row)
            let r = try await client.multipart(.put, Self.review, ticket: world.ticket, parts: Self.target(world) + [
                SelectionTestData.file("confirm_img", SelectionTestData.pngBytes)])
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.msg, "图片上传成功")
            XCTAssertEqual(r.data, .object([:]))

            let stored = try await env.storedSelection(row)
            XCTAssertEqual(stored.status, "TO_CONFIRM")
            let path = try XCTUnwrap(stored.confirm_img)
            XCTAssertTrue(path.hasPrefix("course/confirm_img/") && path.hasSuffix(".png"), path)
            XCTAssertEqual(SelectionTestData.files(under: root), [path])
            XCTAssertEqual(FileManager.default.contents(atPath: root + "/" + path).map(Array.init), SelectionTestData.pngBytes)
            XCTAssertGreaterThanOrEqual(stored.modified_time, before.modified_time)
            XCTAssertNil(stored.switch_img)
            XCTAssertEqual(stored.credit_switch_status, "PRE_POSTED")

            // The overview shows the absolute URL (decision 27), which serves the file.
            let overview = try await client.call(.get, Self.review, ticket: world.ticket)
            let item = overview.data?[0]?["current_courses"]?[0]
            XCTAssertEqual(item?["status"]?["key"]?.stringValue, "TO_CONFIRM")
            XCTAssertEqual(item?["confirm_img"]?.stringValue, "http://localhost/media/\(path)")
            let served = try await client.call(.get, "/media/\(path)")
            XCTAssertEqual(Array(served.body.readableBytesView), SelectionTestData.pngBytes)

            // Only from TO_UPLOAD (§8.4).
            let again = try await client.multipart(.put, Self.review, ticket: world.ticket, parts: Self.target(world) + [
                SelectionTestData.file("confirm_img", SelectionTestData.pngBytes)])
            XCTAssertEqual(again.code, 400)
            XCTAssertEqual(again.fieldName, "non_field_errors")
            XCTAssertEqual(again.msg, "已上传审课图片")
            XCTAssertEqual(SelectionTestData.files(under: root), [path], "a refused upload leaves no file")
        }
    }

    func testReviewUploadAsBase64JSONAndDataURLForm() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let first = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let second = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[1])
            let json = try await client.call(.put, Self.review, ticket: world.ticket, json: [
                "chart_id": world.chart, "course": world.courses[0], "order": world.order,
                "confirm_img": "data:image/png;base64," + SelectionTestData.pngBase64])
            XCTAssertEqual(json.code, 0, json.bodyText)
            let stored = try await env.storedSelection(first)
            XCTAssertEqual(stored.status, "TO_CONFIRM")

            // D12: the first course's state does not block the second one.
            let encoded = SelectionTestData.pngBase64.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let form = try await client.call(.put, Self.review, ticket: world.ticket, form:
                "chart_id=\(world.chart)&course=\(world.courses[1])&order=\(world.order)&confirm_img=\(encoded)")
            XCTAssertEqual(form.code, 0, form.bodyText)
            let secondStored = try await env.storedSelection(second)
            XCTAssertEqual(secondStored.status, "TO_CONFIRM")
            XCTAssertEqual(SelectionTestData.files(under: root).count, 2)
        }
    }

    /// Decision 35: a base64 image makes the JSON body larger than 1 MiB, which is accepted up to 10 MiB.
    func testLargeImagesUpToTheLimit() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let row = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let big = SelectionTestData.pngBytes + [UInt8](repeating: 0, count: 2 << 20)
            let accepted = try await client.call(.put, Self.review, ticket: world.ticket, json: [
                "chart_id": world.chart, "course": world.courses[0], "order": world.order,
                "confirm_img": Data(big).base64EncodedString()])
            XCTAssertEqual(accepted.code, 0, accepted.bodyText)
            XCTAssertEqual(SelectionTestData.files(under: root).count, 1)

            try await env.sql.raw("UPDATE summer_user_course SET status = 'TO_UPLOAD', confirm_img = NULL").run()
            let huge = SelectionTestData.pngBytes + [UInt8](repeating: 0, count: 10 << 20)
            let refused = try await client.multipart(.put, Self.review, ticket: world.ticket, parts: Self.target(world) + [
                SelectionTestData.file("confirm_img", huge)])
            XCTAssertEqual(refused.code, 400)
            XCTAssertEqual(refused.msg, "请求数据过大")
            XCTAssertEqual(refused.fieldName, "")
            let stored = try await env.storedSelection(row)
            XCTAssertEqual(stored.status, "TO_UPLOAD")
            XCTAssertNil(stored.confirm_img)
            XCTAssertEqual(SelectionTestData.files(under: root).count, 1, "nothing written for the refused body")
        }
    }

    func testReviewUploadErrorsInOrderLeaveNothingBehind() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let row = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let other = try await world.classmate(env, username: "student02")
            try await env.makeUserCourse(userID: other.student, orderID: other.order, projectID: world.project, courseID: world.courses[0])
            let unconfirmedChart = try await env.makeChart(userID: world.student, projectID: world.project)
            let unconfirmed = try await env.makeOrder(userID: world.student, chartIDs: [unconfirmedChart], status: "TO_CONFIRM")
            let looseChart = try await env.makeChart(userID: world.student, projectID: world.project)
            let png = SelectionTestData.file("confirm_img", SelectionTestData.pngBytes)
            let text = SelectionTestData.text
            let (c0, c1) = (world.courses[0], world.courses[1])
            let cases: [([Part], String, String)] = [
                ([text("course", c0), text("order", world.order), png], "chart_id", "该字段是必填项。"),
                ([text("chart_id", "x"), text("course", c0), text("order", world.order), png], "chart_id", "请填写合法的整数值。"),
                ([text("chart_id", world.chart), text("order", world.order), png], "course", "该字段是必填项。"),
                ([text("chart_id", world.chart), text("course", 999), text("order", world.order), png], "course", "无效主键 “999” － 对象不存在。"),
                ([text("chart_id", world.chart), text("course", c0), png], "order", "该字段是必填项。"),
                ([text("chart_id", world.chart), text("course", c0), text("order", 999), png], "order", "无效主键 “999” － 对象不存在。"),
                // Another student's order, and the caller's order that is not CONFIRMED, read as missing (D12).
                ([text("chart_id", other.chart), text("course", c0), text("order", other.order), png], "order", "无效主键 “\(other.order)” － 对象不存在。"),
                ([text("chart_id", unconfirmedChart), text("course", c0), text("order", unconfirmed), png], "order", "无效主键 “\(unconfirmed)” － 对象不存在。"),
                (Self.target(world) + [SelectionTestData.file("confirm_img", [])], "confirm_img", "提交的是空文件。"),
                (Self.target(world) + [SelectionTestData.file("confirm_img", Array("not an image".utf8))], "confirm_img",
                 "请上传有效图片。您上传的该文件不是图片或者图片已经损坏。"),
                (Self.target(world) + [text("confirm_img", "abcde")], "confirm_img", "请上传有效的图片。"),
                (Self.target(world) + [text("confirm_img", "aGVsbG8gd29ybGQ=")], "confirm_img", "无法确定图片的类型。"),
                (Self.target(world), "non_field_errors", "审课图片为必传参数"),
                (Self.target(world) + [text("confirm_img", "")], "non_field_errors", "审课图片为必传参数"),
                (Self.target(world) + [SelectionTestData.file("confirm_img", [], filename: "")], "non_field_errors", "审课图片为必传参数"),
                ([text("chart_id", looseChart), text("course", c0), text("order", world.order), png], "non_field_errors",
                 "chart_id: \(looseChart) 不属于该订单"),
                ([text("chart_id", other.chart), text("course", c0), text("order", world.order), png], "non_field_errors",
                 "chart_id: \(other.chart) 不属于该订单"),
                // A course the caller did not select under this order.
                (Self.target(world, course: c1) + [png], "non_field_errors", "未找到用户所选课程，请检查传入参数"),
            ]
            for (parts, field, message) in cases {
                let r = try await client.multipart(.put, Self.review, ticket: world.ticket, parts: parts)
                XCTAssertEqual(r.code, 400, "\(message): \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, message)
                XCTAssertEqual(r.msg, message)
            }
            let json = try await client.call(.put, Self.review, ticket: world.ticket, json: [
                "chart_id": world.chart, "course": c0, "order": world.order, "confirm_img": 12])
            XCTAssertEqual(json.fieldName, "confirm_img")
            XCTAssertEqual(json.msg, "这不是有效的 base64 字符串。")

            let stored = try await env.storedSelection(row)
            XCTAssertEqual(stored.status, "TO_UPLOAD")
            XCTAssertNil(stored.confirm_img)
            XCTAssertEqual(SelectionTestData.files(under: root), [])
        }
    }

    /// The other student's row under the same project and course is never touched by the caller's upload.
    func testReviewUploadTouchesOnlyTheCallersRow() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let other = try await world.classmate(env, username: "student02")
            let mine = try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let theirs = try await env.makeUserCourse(userID: other.student, orderID: other.order, projectID: world.project, courseID: world.courses[0])
            let r = try await client.multipart(.put, Self.review, ticket: other.ticket, parts: Self.target(other) + [
                SelectionTestData.file("confirm_img", SelectionTestData.pngBytes)])
            XCTAssertEqual(r.code, 0, r.bodyText)
            let mineStored = try await env.storedSelection(mine)
            let theirsStored = try await env.storedSelection(theirs)
            XCTAssertEqual(mineStored.status, "TO_UPLOAD")
            XCTAssertEqual(theirsStored.status, "TO_CONFIRM")
        }
    }

    func testSimultaneousReviewUploadsMoveTheRowOnceAndKeepOneFile() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            try await env.makeUserCourse(userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0])
            let parts = Self.target(world) + [SelectionTestData.file("confirm_img", SelectionTestData.pngBytes)]
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<5 {
                    group.addTask { try await client.multipart(.put, Self.review, ticket: world.ticket, parts: parts).code }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1, "\(codes)")
            XCTAssertEqual(SelectionTestData.files(under: root).count, 1)
        }
    }

    // MARK: Credit transfer (S26)

    func testCreditUploadStoresTheSubmittedResult() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let failed = try await env.makeUserCourse(
                userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0], status: "PASS",
                creditSwitchStatus: "POSTED")
            let succeeded = try await env.makeUserCourse(
                userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[1], status: "PASS",
                creditSwitchStatus: "RECEIVED")
            let r = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: Self.target(world) + [
                SelectionTestData.file("switch_img", SelectionTestData.pngBytes), SelectionTestData.text("credit_switch_status", "FAILURE")])
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.msg, "图片上传成功")
            XCTAssertEqual(r.data, .object([:]))
            let stored = try await env.storedSelection(failed)
            XCTAssertEqual(stored.credit_switch_status, "FAILURE")
            XCTAssertEqual(stored.status, "PASS")
            let path = try XCTUnwrap(stored.switch_img)
            XCTAssertTrue(path.hasPrefix("project/result/photo/") && path.hasSuffix(".png"), path)
            XCTAssertEqual(SelectionTestData.files(under: root), [path])

            // JSON with a data URL and the `{key}` form of the choice.
            let json = try await client.call(.put, Self.credit, ticket: world.ticket, json: [
                "chart_id": world.chart, "course": world.courses[1], "order": world.order,
                "switch_img": "data:image/png;base64," + SelectionTestData.pngBase64, "credit_switch_status": ["key": "SUCCESS"]])
            XCTAssertEqual(json.code, 0, json.bodyText)
            let second = try await env.storedSelection(succeeded)
            XCTAssertEqual(second.credit_switch_status, "SUCCESS")

            let overview = try await client.call(.get, Self.credit, ticket: world.ticket)
            let items = try XCTUnwrap(overview.data?[0]?["current_courses"]?.arrayValue)
            XCTAssertEqual(items[0]["credit_switch_status"], .object(["key": .string("FAILURE"), "verbose": .string("学分转换失败")]))
            XCTAssertEqual(items[0]["switch_img"]?.stringValue, "http://localhost/media/\(path)")
            XCTAssertEqual(items[1]["credit_switch_status"]?["key"]?.stringValue, "SUCCESS")

            // SUCCESS and FAILURE are final for the student.
            let again = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: Self.target(world) + [
                SelectionTestData.file("switch_img", SelectionTestData.pngBytes), SelectionTestData.text("credit_switch_status", "SUCCESS")])
            XCTAssertEqual(again.msg, "已上传学分转换图片，状态为: 学分转换失败")
            XCTAssertEqual(SelectionTestData.files(under: root).count, 2)
        }
    }

    func testCreditUploadErrorsInOrderLeaveNothingBehind() async throws {
        let root = SelectionTestData.mediaRoot()
        try await SummerTestEnv.run(settings: SummerSettings(mediaRoot: root)) { env, client in
            let world = try await SelectionWorld.make(env)
            let row = try await env.makeUserCourse(
                userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[0], status: "PASS",
                creditSwitchStatus: "POSTED")
            let other = try await world.classmate(env, username: "student02")
            let png = SelectionTestData.file("switch_img", SelectionTestData.pngBytes)
            let text = SelectionTestData.text
            let success = text("credit_switch_status", "SUCCESS")
            let c0 = world.courses[0]
            let cases: [([Part], String, String)] = [
                ([text("course", c0), text("order", world.order), png, success], "chart_id", "该字段是必填项。"),
                ([text("chart_id", world.chart), text("course", "abc"), text("order", world.order), png, success], "course",
                 "类型错误。期望为主键，得到的类型为 str。"),
                ([text("chart_id", other.chart), text("course", c0), text("order", other.order), png, success], "order",
                 "无效主键 “\(other.order)” － 对象不存在。"),
                (Self.target(world) + [SelectionTestData.file("switch_img", Array("GIF89a".utf8) + [0, 1]), success], "switch_img",
                 "请上传有效图片。您上传的该文件不是图片或者图片已经损坏。"),
                (Self.target(world) + [png, text("credit_switch_status", "POSTED")], "credit_switch_status", "“POSTED” 不是合法选项。"),
                (Self.target(world) + [png, text("credit_switch_status", "DONE")], "credit_switch_status", "“DONE” 不是合法选项。"),
                (Self.target(world) + [success], "non_field_errors", "学分转换证明图片为必传参数"),
                (Self.target(world) + [png], "non_field_errors", "学分转换状态为必填参数"),
                ([text("chart_id", 999), text("course", c0), text("order", world.order), png, success], "non_field_errors",
                 "chart_id: 999 不属于该订单"),
                (Self.target(world, course: world.courses[1]) + [png, success], "non_field_errors", "未找到用户所选课程，请检查传入参数"),
            ]
            for (parts, field, message) in cases {
                let r = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: parts)
                XCTAssertEqual(r.code, 400, "\(message): \(r.bodyText)")
                XCTAssertEqual(r.fieldName, field, message)
                XCTAssertEqual(r.msg, message)
            }
            // The state checks, on the targeted row (D12).
            let states: [(String, String, String)] = [
                ("TO_UPLOAD", "POSTED", "审课尚未完成, 不能上传学分转换图片"),
                ("TO_CONFIRM", "RECEIVED", "审课尚未完成, 不能上传学分转换图片"),
                ("NOPASS", "POSTED", "审课尚未完成, 不能上传学分转换图片"),
                ("PASS", "PRE_POSTED", "成绩单尚未寄出"),
                ("PASS", "SUCCESS", "已上传学分转换图片，状态为: 学分转换成功"),
                ("PASS", "FAILURE", "已上传学分转换图片，状态为: 学分转换失败"),
            ]
            for (status, credit, message) in states {
                try await env.sql.raw("""
                    UPDATE summer_user_course SET status = \(bind: status), credit_switch_status = \(bind: credit) WHERE id = \(bind: row)
                    """).run()
                let r = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: Self.target(world) + [png, success])
                XCTAssertEqual(r.code, 400, "\(status) \(credit)")
                XCTAssertEqual(r.fieldName, "non_field_errors")
                XCTAssertEqual(r.msg, message, "\(status) \(credit)")
                let stored = try await env.storedSelection(row)
                XCTAssertEqual(stored.credit_switch_status, credit)
                XCTAssertNil(stored.switch_img)
            }
            XCTAssertEqual(SelectionTestData.files(under: root), [])

            // Another course of the project that passed does not make this one acceptable, nor the reverse.
            try await env.sql.raw("UPDATE summer_user_course SET status = 'TO_UPLOAD', credit_switch_status = 'POSTED' WHERE id = \(bind: row)").run()
            try await env.makeUserCourse(
                userID: world.student, orderID: world.order, projectID: world.project, courseID: world.courses[1], status: "PASS",
                creditSwitchStatus: "POSTED")
            let blocked = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: Self.target(world) + [png, success])
            XCTAssertEqual(blocked.msg, "审课尚未完成, 不能上传学分转换图片")
            let accepted = try await client.multipart(.put, Self.credit, ticket: world.ticket, parts: Self.target(world, course: world.courses[1]) + [png, success])
            XCTAssertEqual(accepted.code, 0, accepted.bodyText)
        }
    }

    func testUploadsNeedLoginAndOnlyPutAndGet() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env)
            for path in [Self.review, Self.credit] {
                let anonymous = try await client.call(.put, path, json: [:])
                XCTAssertEqual(anonymous.code, 401, path)
                for method: HTTPRequest.Method in [.post, .patch, .delete] {
                    let r = try await client.call(method, path, ticket: world.ticket, json: [:])
                    XCTAssertEqual(r.code, 405, "\(method) \(path)")
                }
            }
        }
    }
}
