import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// `/admin/user_info/...` (back office §4 A).
final class BackOfficeStudentInfoTests: XCTestCase {
    func testAccessTiersAndMethods() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let market = try await env.account("market001", role: .market)
            let student = try await env.account("student01", role: .student)
            for path in ["/admin/user_info/", "/admin/user_info/\(student.id)/", "/admin/user_info/\(student.id)/confirm_course/",
                         "/admin/user_info/\(student.id)/scores/"] {
                let anonymous = try await client.call(.get, path)
                XCTAssertEqual(anonymous.json, .object(["code": .int(401), "msg": .string("未登陆")]), path)
                let blocked = try await client.call(.get, path, ticket: student.ticket)
                XCTAssertEqual(blocked.json, .object(["code": .int(403), "msg": .string("您没有执行该操作的权限")]), path)
                let staff = try await client.call(.get, path, ticket: market.ticket)
                XCTAssertEqual(staff.code, 403, path)
                XCTAssertEqual(staff.msg, "您没有执行该操作的权限。", path)
                let adminCode = try await client.call(.get, path, ticket: admin.ticket).code
                XCTAssertEqual(adminCode, 0, path)
            }
            // DV-19 / decision 26: editing a student is not supported.
            for method in [HTTPRequest.Method.put, .patch, .delete, .post] {
                let r = try await client.call(method, "/admin/user_info/\(student.id)/", ticket: admin.ticket, json: ["name": "x"])
                XCTAssertEqual(r.code, 405, r.bodyText)
                XCTAssertEqual(r.msg, "方法 “\(method.rawValue)” 不被允许。")
                XCTAssertEqual(r.fieldName, "")
            }
            // Role check before the method check: staff get 403 for a disallowed method.
            let staffPutCode = try await client.call(.put, "/admin/user_info/\(student.id)/", ticket: market.ticket, json: [:]).code
            XCTAssertEqual(staffPutCode, 403)
            let getRemark = try await client.call(.get, "/admin/user_info/\(student.id)/add_remark/", ticket: admin.ticket)
            XCTAssertEqual(getRemark.code, 405)
            XCTAssertEqual(getRemark.msg, "方法 “GET” 不被允许。")
            let collectionPostCode = try await client.call(.post, "/admin/user_info/", ticket: admin.ticket, json: [:]).code
            XCTAssertEqual(collectionPostCode, 405)
            // Nothing was written by the refused calls.
            let remarks = try await env.count("summer_user_info_remark")
            XCTAssertEqual(remarks, 0)
        }
    }

    func testListHidesAdminProfilesFiltersAndPagesInIDOrder() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            try await env.makeProfile(userID: admin.id, name: "Admin Zhang")  // an ADMIN's profile is not a student
            let market = try await env.makeUser("market001", role: .market, profile: true)
            var students: [Int] = []
            for n in 1...12 {
                let id = try await env.makeUser(String(format: "student%02d", n))
                try await env.fillProfile(userID: id, name: n == 3 ? "张三 Zhang" : "学生\(n)", email: "s\(n)@Example.com",
                                          wechat: n == 5 ? "wx_100%" : "wx\(n)")
                students.append(id)
            }
            let page1 = try await client.call(.get, "/admin/user_info/", ticket: admin.ticket)
            XCTAssertEqual(page1.code, 0, page1.bodyText)
            XCTAssertEqual(page1.data?["count"]?.intValue, 13)  // 12 students + the MARKET account's profile
            XCTAssertEqual(page1.data?["previous"], .null)
            XCTAssertEqual(page1.data?["next"]?.stringValue, "http://localhost/admin/user_info/?page=2")
            let ids = page1.data?["results"]?.arrayValue?.compactMap { $0["user_id"]?.intValue }
            XCTAssertEqual(ids, [market] + Array(students.prefix(9)))
            let page2 = try await client.call(.get, "/admin/user_info/?page=2", ticket: admin.ticket)
            XCTAssertEqual(page2.data?["results"]?.arrayValue?.compactMap { $0["user_id"]?.intValue }, Array(students.suffix(3)))
            let bad = try await client.call(.get, "/admin/user_info/?page=3", ticket: admin.ticket)
            XCTAssertEqual(bad.code, 404)
            XCTAssertEqual(bad.msg, "无效页面。")

            func filtered(_ query: String) async throws -> [Int] {
                let r = try await client.call(.get, "/admin/user_info/?\(query)", ticket: admin.ticket)
                XCTAssertEqual(r.code, 0, r.bodyText)
                return r.data?["results"]?.arrayValue?.compactMap { $0["user_id"]?.intValue } ?? []
            }
            // Case-insensitive substring; the ADMIN's "Admin Zhang" stays hidden.
            let byLatinName = try await filtered("name=zhang")
            XCTAssertEqual(byLatinName, [students[2]])
            let byChineseName = try await filtered("name=%E5%BC%A0%E4%B8%89")
            XCTAssertEqual(byChineseName, [students[2]])  // 张三
            let byEmail = try await filtered("email=S11%40EXAMPLE")
            XCTAssertEqual(byEmail, [students[10]])
            // `%` and `_` are literal characters.
            let byWechatWithSymbols = try await filtered("wechat=_100%25")
            XCTAssertEqual(byWechatWithSymbols, [students[4]])
            let byPercent = try await filtered("wechat=%25")
            XCTAssertEqual(byPercent, [students[4]])
            let byPercentInName = try await filtered("name=%25")
            XCTAssertEqual(byPercentInName, [])
            let byUnderscore = try await filtered("wechat=wx_")
            XCTAssertEqual(byUnderscore, [students[4]])
            // Filters combine with AND; empty values and unknown parameters are ignored.
            let byNameAndEmail = try await filtered("name=%E5%AD%A6%E7%94%9F1&email=s12")
            XCTAssertEqual(byNameAndEmail, [students[11]])
            let unfilteredCount = try await filtered("name=&email=&wechat=&search=zzz&ordering=-id").count
            XCTAssertEqual(unfilteredCount, 10)
            let count = try await client.call(.get, "/admin/user_info/?email=example.com&page=2", ticket: admin.ticket)
            XCTAssertEqual(count.data?["count"]?.intValue, 12)
            XCTAssertEqual(count.data?["previous"]?.stringValue, "http://localhost/admin/user_info/?email=example.com")
        }
    }

    func testListItemPersonalFileAndChannelRule() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let salesMan = try await env.makeSalesMan()
            let own = try await env.makeChannel("测试渠道", salesManID: salesMan)
            let viaOpenid = try await env.makeChannel("扫码渠道", salesManID: salesMan)
            let later = try await env.makeChannel("后来的渠道", salesManID: salesMan)
            // A channel without user_channel rows: the original showed it for a NULL openid (DV-3).
            try await env.makeChannel("无人渠道", salesManID: salesMan)

            let a = try await env.makeUser("student_a")  // own channel
            try await env.fillProfile(userID: a, name: "张三", email: "a@b.com", wechat: "wx1", cschool: "青蛙大学",
                                      gender: "MALE", openid: "openid-a", channelID: own)
            try await env.linkChannel(openid: "openid-a", userID: a, channelID: viaOpenid)
            let b = try await env.makeUser("student_b")  // channel 0 → the lowest-id user_channel row of its openid
            try await env.fillProfile(userID: b, graduateYear: "2017", openid: "openid-b", channelID: 0)
            try await env.linkChannel(openid: "openid-b", userID: b, channelID: viaOpenid)
            try await env.linkChannel(openid: "openid-b", userID: b, channelID: later)
            let c = try await env.makeUser("student_c")  // a missing channel id falls back to the openid rule
            try await env.fillProfile(userID: c, gpa: 3.2, openid: "openid-c", channelID: 9999)
            try await env.linkChannel(openid: "openid-c", userID: c, channelID: later)
            let d = try await env.makeUser("student_d")  // no openid: no fallback (DV-3), gpa 0 and '' are not a file
            try await env.fillProfile(userID: d, firstName: "", gender: "", gpa: 0)
            try await env.sql.raw("UPDATE summer_user SET last_login = \(bind: Int64(1_499_353_487_000_000)) WHERE id = \(bind: a)").run()

            let r = try await client.call(.get, "/admin/user_info/", ticket: admin.ticket)
            let items = try XCTUnwrap(r.data?["results"]?.arrayValue)
            XCTAssertEqual(items.count, 4)
            XCTAssertEqual(items[0], .object([
                "user_id": .int(Int64(a)), "name": .string("张三"), "email": .string("a@b.com"), "cschool": .string("青蛙大学"),
                "last_login": .string("2017-07-06T15:04:47Z"), "wechat": .string("wx1"), "personal_file": .string("已建档"),
                "channel": .object(["id": .int(Int64(own)), "name": .string("测试渠道"), "create_time": .string("2017-09-17T06:25:23Z")]),
            ]))
            XCTAssertEqual(items[1]["personal_file"]?.stringValue, "已建档")  // graduate_year counts here
            XCTAssertEqual(items[1]["channel"]?["id"]?.intValue, viaOpenid)
            XCTAssertEqual(items[1]["last_login"], .null)
            XCTAssertEqual(items[2]["personal_file"]?.stringValue, "已建档")
            XCTAssertEqual(items[2]["channel"]?["id"]?.intValue, later)
            XCTAssertEqual(items[3]["personal_file"]?.stringValue, "未建档")
            XCTAssertEqual(items[3]["channel"], .null)
        }
    }

    func testDetailShowsEverythingAndNeverAssignsAConsultant() async throws {
        try await SummerTestEnv.run(settings: SummerSettings(publicBaseURL: "http://apply.example.com", mediaRoot: NSTemporaryDirectory())) { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let beijing = try await env.makeCampus("北京校区", info: "123")
            let shanghai = try await env.makeCampus("上海校区", info: "456")
            let salesMan = try await env.makeSalesMan()
            let student = try await env.makeUser("student01")
            try await env.fillProfile(userID: student, name: "李四", email: "y@x.com", wechat: "yq", cschool: "四川大学",
                                      wcampus: "[\(shanghai), \"\(beijing)\", \(shanghai), 999]", firstName: "Yang",
                                      lastName: "Qizhang", gender: "MALE", idNumber: "5113", major: "计算机科学",
                                      graduateYear: "2017-07", gpa: 3.5)
            try await env.linkSalesMan(userID: student, salesManID: salesMan)
            let used = try await env.makeCoupon("USEDCOUPON")
            let usable = try await env.makeCoupon("HGENY0X92N", amount: 20_050)
            try await env.giveCoupon(userID: student, couponID: used, status: "USED")
            try await env.giveCoupon(userID: student, couponID: usable)
            let profile = try await env.profileID(of: student)
            try await env.sql.raw("""
                INSERT INTO summer_user_info_remark (user_info_id, remark, create_time) \
                VALUES (\(bind: profile), '第一条', \(bind: Int64(1_499_441_483_000_000))), (\(bind: profile), '第二条', \(bind: Int64(1_499_441_484_500_000)))
                """).run()

            let r = try await client.call(.get, "/admin/user_info/\(student)/", ticket: admin.ticket)
            XCTAssertEqual(r.code, 0, r.bodyText)
            let data = try XCTUnwrap(r.data?.objectValue)
            XCTAssertEqual(Set(data.keys), [
                "user_id", "name", "email", "first_name", "last_name", "gender", "id_number", "wechat", "cschool", "wcampus",
                "major", "graduate_year", "gpa", "user_info_remark", "user_coupon", "channel", "sales_man"])
            XCTAssertEqual(data["user_id"]?.intValue, student)
            XCTAssertEqual(data["gender"], .object(["key": .string("MALE"), "verbose": .string("男")]))
            XCTAssertEqual(data["gpa"]?.doubleValue, 3.5)
            XCTAssertEqual(data["graduate_year"]?.stringValue, "2017-07")
            XCTAssertEqual(data["wcampus"]?.arrayValue?.compactMap { $0["id"]?.intValue }, [beijing, shanghai])
            XCTAssertEqual(data["wcampus"]?[0]?["info"]?.stringValue, "123")
            XCTAssertEqual(data["user_info_remark"]?.arrayValue?.compactMap { $0["remark"]?.stringValue }, ["第一条", "第二条"])
            XCTAssertEqual(data["user_info_remark"]?[1]?["create_time"]?.stringValue, "2017-07-07T15:31:24.500000Z")
            XCTAssertEqual(data["user_coupon"], .array([.object([
                "user": .int(Int64(student)), "id": .int(Int64(usable)), "info": .string("新人券"),
                "start_time": .string("2017-06-18T16:40:49Z"), "end_time": .string("2017-06-29T16:40:53Z"),
                "coupon_code": .string("HGENY0X92N"), "amount": .double(200.5)])]))
            XCTAssertEqual(data["channel"], .null)
            XCTAssertEqual(data["sales_man"], .object([
                "id": .int(Int64(salesMan)), "name": .string("王五"), "email": .string("s@x.com"),
                "qr_code": .string("http://apply.example.com/media/common/sales_man/a.png"), "wechat": .string("wx")]))

            // A student without consultant, coupons or campuses: nulls, and reading assigns nobody (DV-2).
            let other = try await env.makeUser("student02")
            let links = try await env.count("summer_sales_man_user")
            let bare = try await client.call(.get, "/admin/user_info/\(other)/", ticket: admin.ticket)
            XCTAssertEqual(bare.code, 0, bare.bodyText)
            XCTAssertEqual(bare.data?["sales_man"], .null)
            XCTAssertEqual(bare.data?["user_coupon"], .null)
            XCTAssertEqual(bare.data?["user_info_remark"], .array([]))
            XCTAssertEqual(bare.data?["wcampus"], .null)
            XCTAssertEqual(bare.data?["gender"], .null)
            XCTAssertEqual(bare.data?["first_name"], .null)
            XCTAssertEqual(bare.data?["gpa"], .null)
            let linksAfterRead = try await env.count("summer_sales_man_user")
            XCTAssertEqual(linksAfterRead, links)
        }
    }

    func testDetailGenderAndWishedCampusForms() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus("北京校区")
            let student = try await env.makeUser("student01")
            let cases: [(String, JSONValue)] = [
                ("[]", .array([])), ("", .null), ("北京", .null), ("[\"北京\"]", .null), ("{\"a\":1}", .null),
                ("[\"\(campus)\"]", .array([.int(Int64(campus))])), ("[1.5]", .null),
            ]
            for (stored, expected) in cases {
                try await env.sql.raw("UPDATE summer_student_info SET wcampus = \(bind: stored), gender = '' WHERE user_id = \(bind: student)").run()
                let r = try await client.call(.get, "/admin/user_info/\(student)/", ticket: admin.ticket)
                let ids = r.data?["wcampus"]?.arrayValue.map { JSONValue.array($0.compactMap { $0["id"] }) } ?? r.data?["wcampus"]
                XCTAssertEqual(ids, expected, stored)
                XCTAssertEqual(r.data?["gender"], .object(["key": .string(""), "verbose": .null]))
            }
        }
    }

    func testUnknownNonIntegerAndAdminIDsAreNotFound() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            try await env.makeProfile(userID: admin.id)
            let noProfile = try await env.makeUser("market001", role: .market)
            for id in ["999", "abc", "\(admin.id)", "\(noProfile)", "99999999999"] {
                for suffix in ["", "confirm_course/", "scores/"] {
                    let r = try await client.call(.get, "/admin/user_info/\(id)/\(suffix)", ticket: admin.ticket)
                    XCTAssertEqual(r.code, 404, "\(id)/\(suffix): \(r.bodyText)")
                    XCTAssertEqual(r.msg, "未找到user_info实例")
                    XCTAssertEqual(r.fieldName, "")
                }
                // The lookup comes before the body.
                let remark = try await client.call(.post, "/admin/user_info/\(id)/add_remark/", ticket: admin.ticket, json: [:])
                XCTAssertEqual(remark.code, 404)
                XCTAssertEqual(remark.msg, "未找到user_info实例")
            }
        }
    }

    func testAddRemark() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            let r = try await client.call(.post, "/admin/user_info/\(student)/add_remark/", ticket: admin.ticket,
                                          json: ["remark": "  you are my sunshine ", "user_info": 12345])
            XCTAssertEqual(r.code, 0, r.bodyText)
            XCTAssertEqual(r.data?.objectValue.map { Set($0.keys) }, ["id", "remark", "create_time"])
            XCTAssertEqual(r.data?["remark"]?.stringValue, "you are my sunshine")
            XCTAssertNotNil(r.data?["create_time"]?.stringValue)
            // Form bodies work too (DV-5).
            let form = try await client.call(.post, "/admin/user_info/\(student)/add_remark/", ticket: admin.ticket, form: "remark=%E5%A5%BD")
            XCTAssertEqual(form.code, 0, form.bodyText)
            let detail = try await client.call(.get, "/admin/user_info/\(student)/", ticket: admin.ticket)
            XCTAssertEqual(detail.data?["user_info_remark"]?.arrayValue?.compactMap { $0["remark"]?.stringValue }, ["you are my sunshine", "好"])
            XCTAssertEqual(detail.data?["user_info_remark"]?[0], r.data)

            let errors: [([String: Any], String)] = [
                ([:], "该字段是必填项。"), (["remark": "   "], "该字段不能为空。"), (["remark": NSNull()], "该字段不能为 null。"),
                (["remark": String(repeating: "长", count: 256)], "请确保这个字段不能超过 255 个字符。"),
            ]
            for (body, msg) in errors {
                let e = try await client.call(.post, "/admin/user_info/\(student)/add_remark/", ticket: admin.ticket, json: body)
                XCTAssertEqual(e.code, 400, e.bodyText)
                XCTAssertEqual(e.msg, msg)
                XCTAssertEqual(e.fieldName, "remark")
            }
            let list = try await client.execute(
                uri: "/admin/user_info/\(student)/add_remark/", method: .post,
                headers: [.cookie: "ticket=\(admin.ticket)", .contentType: "application/json"], body: ByteBuffer(string: "[\"x\"]"))
            XCTAssertEqual(list.code, 400)
            XCTAssertEqual(list.msg, "无效数据。期待为字典类型，得到的是 list 。")
            XCTAssertEqual(list.fieldName, "non_field_errors")
            let ok255 = try await client.call(.post, "/admin/user_info/\(student)/add_remark/", ticket: admin.ticket,
                                              json: ["remark": String(repeating: "长", count: 255)])
            XCTAssertEqual(ok255.code, 0)
            let remarks = try await env.count("summer_user_info_remark")
            XCTAssertEqual(remarks, 3)
        }
    }

    func testConfirmCoursesAndScores() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let student = try await env.makeUser("student01")
            let other = try await env.makeUser("student02")
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus, name: "北京校区一期项目")
            let course1 = try await env.makeCourse("46QARX80KM", name: "测试课程1")
            let course2 = try await env.makeCourse("3FGWTSYQXE", name: "测试课程3")
            try await env.offer(courseID: course1, inProject: project)  // course2 has no offering: null dates
            let order = try await env.order(userID: student, projects: [project], status: "CONFIRMED")
            let first = try await env.makeUserCourse(userID: student, orderID: order, projectID: project, courseID: course1,
                                                     status: "TO_CONFIRM", score: 88)
            try await env.makeUserCourse(userID: student, orderID: order, projectID: project, courseID: course2)
            try await env.sql.raw("""
                UPDATE summer_user_course SET confirm_img = 'course/confirm_img/x.png', score_grade = 'A' WHERE id = \(bind: first)
                """).run()
            let otherOrder = try await env.order(userID: other, projects: [project], status: "CONFIRMED")
            try await env.makeUserCourse(userID: other, orderID: otherOrder, projectID: project, courseID: course1)

            let confirm = try await client.call(.get, "/admin/user_info/\(student)/confirm_course/", ticket: admin.ticket)
            XCTAssertEqual(confirm.code, 0, confirm.bodyText)
            XCTAssertEqual(confirm.data, .array([
                .object([
                    "syllabus": .null, "confirm_img": .string("http://localhost/media/course/confirm_img/x.png"),
                    "status": .object(["key": .string("TO_CONFIRM"), "verbose": .string("待审核")]), "user": .int(Int64(student)),
                    "project": .object(["id": .int(Int64(project)), "name": .string("北京校区一期项目")]),
                    "course": .object(["id": .int(Int64(course1)), "name": .string("测试课程1"), "course_code": .string("46QARX80KM")]),
                ]),
                .object([
                    "syllabus": .null, "confirm_img": .null,
                    "status": .object(["key": .string("TO_UPLOAD"), "verbose": .string("待上传")]), "user": .int(Int64(student)),
                    "project": .object(["id": .int(Int64(project)), "name": .string("北京校区一期项目")]),
                    "course": .object(["id": .int(Int64(course2)), "name": .string("测试课程3"), "course_code": .string("3FGWTSYQXE")]),
                ]),
            ]))

            let scores = try await client.call(.get, "/admin/user_info/\(student)/scores/", ticket: admin.ticket)
            XCTAssertEqual(scores.code, 0, scores.bodyText)
            XCTAssertEqual(scores.data, .array([
                .object([
                    "project_name": .string("北京校区一期项目"), "course_code": .string("46QARX80KM"),
                    "start_time": .string("2026-01-01"), "end_time": .string("2026-01-10"), "score": .int(88),
                    "score_grade": .string("A"), "user": .int(Int64(student)), "order": .int(Int64(order)), "course": .int(Int64(course1)),
                ]),
                .object([
                    "project_name": .string("北京校区一期项目"), "course_code": .string("3FGWTSYQXE"),
                    "start_time": .null, "end_time": .null, "score": .int(0),
                    "score_grade": .null, "user": .int(Int64(student)), "order": .int(Int64(order)), "course": .int(Int64(course2)),
                ]),
            ]))

            let none = try await env.makeUser("student03")
            let noScores = try await client.call(.get, "/admin/user_info/\(none)/scores/", ticket: admin.ticket).data
            XCTAssertEqual(noScores, .array([]))
            let noRecords = try await client.call(.get, "/admin/user_info/\(none)/confirm_course/", ticket: admin.ticket).data
            XCTAssertEqual(noRecords, .array([]))
        }
    }
}
