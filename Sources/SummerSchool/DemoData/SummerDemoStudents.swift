import RegistrarCore
import SQLKit

/// Demonstration students with carts and orders in every state (catalog spec §8): payment proofs, course
/// selections with reviews awaiting confirmation and scores, order history and remarks. Each student is created
/// with everything that belongs to them, and skipped when the username already exists.
enum SummerDemoStudents {
    static let password = "123456"

    /// One selected course of a CONFIRMED order: (offered course index, review status, score, grade, credit status).
    struct Selection {
        let course: Int
        let status: CourseReviewState
        let score: Int
        let grade: String?
        let credit: CreditTransferState
    }

    struct Student {
        let username: String
        let name: String
        let pinyin: (first: String, last: String)
        let gender: String
        let school: String
        let major: String
        /// Cart items left in the cart: (project index, course count).
        var cart: [(Int, Int)] = []
        /// The order: its status and its items (project index, course count), nil for none.
        var order: (status: OrderStatus, items: [(Int, Int)], currency: String, payment: String, remark: String?)?
        var useCoupon = false
        var selections: [Selection] = []
        var remarks: [String] = []
    }

    static let students: [Student] = [
        Student(username: "student01", name: "张三", pinyin: ("San", "Zhang"), gender: "MALE", school: "武汉大学", major: "经济学",
                cart: [(0, 2), (3, 1)]),
        Student(username: "student02", name: "李四", pinyin: ("Si", "Li"), gender: "FEMALE", school: "北京大学", major: "计算机科学",
                cart: [(4, 1)],
                order: (.toPay, [(1, 3)], "RMB", "BANK", "希望安排靠近图书馆的宿舍"), useCoupon: true),
        Student(username: "student03", name: "王五", pinyin: ("Wu", "Wang"), gender: "MALE", school: "华中科技大学", major: "数学",
                order: (.toConfirm, [(2, 2)], "RMB", "ALI_PAY", nil),
                remarks: ["已电话确认付款截图，待财务核对"]),
        Student(username: "student04", name: "赵六", pinyin: ("Liu", "Zhao"), gender: "FEMALE", school: "复旦大学", major: "心理学",
                order: (.confirmed, [(0, 3), (3, 1)], "DOLLAR", "PAY_PAL", "同时报名两个项目"), useCoupon: true,
                selections: [
                    Selection(course: 0, status: .pass, score: 92, grade: "A", credit: .posted),
                    Selection(course: 1, status: .toConfirm, score: 0, grade: nil, credit: .prePosted),
                    Selection(course: 4, status: .toUpload, score: 0, grade: nil, credit: .prePosted),
                ],
                remarks: ["学生希望成绩单寄往复旦大学教务处", "已寄出成绩单"]),
        Student(username: "student05", name: "孙七", pinyin: ("Qi", "Sun"), gender: "MALE", school: "浙江大学", major: "统计学",
                cart: [(1, 1)],
                order: (.canceled, [(1, 2)], "RMB", "BANK", nil), useCoupon: true),
        Student(username: "student06", name: "周八", pinyin: ("Ba", "Zhou"), gender: "FEMALE", school: "南京大学", major: "历史学",
                order: (.confirmFailed, [(2, 1)], "RMB", "OFF_LINE", "付款金额不符"),
                remarks: ["付款截图金额与订单不符，已联系学生重新下单"]),
        Student(username: "student07", name: "吴九", pinyin: ("Jiu", "Wu"), gender: "MALE", school: "中山大学", major: "物理学",
                order: (.confirmed, [(1, 2)], "RMB", "BANK", nil),
                selections: [
                    Selection(course: 5, status: .pass, score: 85, grade: "B+", credit: .success),
                    Selection(course: 3, status: .noPass, score: 0, grade: nil, credit: .prePosted),
                ]),
    ]

    private struct ID: Decodable { let id: Int }
    private struct Fee: Decodable { let course_fee: Int64 }
    private struct Apply: Decodable { let apply_fee: Int64? }

    /// Loads the students missing from the database; returns the lines of the report.
    static func load(
        on sql: any SQLDatabase, catalog: SummerDemoCatalog.Loaded, passwordHash: String, adminID: Int?,
        couponID: Int?, couponCents: Int64, at base: Int64
    ) async throws -> [String] {
        var created: [String] = []
        for (index, student) in students.enumerated() {
            if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: student.username))").first() != nil {
                continue
            }
            // Each student's rows are an hour apart, in list order, so the data reads like a history.
            let t0 = base + Int64(index) * 3_600 * SummerTime.microsPerSecond
            let minute = 60 * SummerTime.microsPerSecond
            let userID = try await DemoRows.insert("summer_user", [
                ("username", student.username), ("password", passwordHash), ("name", String?.none), ("role", Role.student.rawValue),
                ("is_active", true), ("is_superuser", false), ("create_time", t0),
            ], on: sql)
            let infoID = try await DemoRows.insert("summer_student_info", [
                ("user_id", userID), ("name", student.name), ("email", "\(student.username)@example.com"),
                ("wechat", "\(student.username)_wx"), ("cschool", student.school), ("wcampus", #"["武汉校区","北京校区"]"#),
                ("create_time", t0), ("first_name", student.pinyin.first), ("last_name", student.pinyin.last),
                ("phone", "1380000\(String(format: "%04d", index + 1))"), ("gender", student.gender),
                ("id_number", "42010119990101\(String(format: "%04d", index + 1))"), ("major", student.major),
                ("graduate_year", "2028"), ("gpa", 3.2 + Double(index % 5) / 10), ("valid_sales_man", false),
            ], on: sql)
            let addressID = try await DemoRows.insert("summer_student_score_detail", [
                ("user_id", userID), ("department", "\(student.major)学院"), ("phone", "1380000\(String(format: "%04d", index + 1))"),
                ("country", "中国"), ("post_code", "430072"), ("address", "\(student.school)教务处"),
            ], on: sql)
            for (offset, remark) in student.remarks.enumerated() {
                _ = try await DemoRows.insert("summer_user_info_remark", [
                    ("user_info_id", infoID), ("remark", remark), ("create_time", t0 + Int64(40 + offset) * minute),
                ], on: sql)
            }
            for (project, count) in student.cart {
                _ = try await chart(userID: userID, addressID: addressID, project: catalog.projectIDs[project], count: count,
                                    status: .new, at: t0 + minute, on: sql)
            }
            if let order = student.order {
                try await placeOrder(
                    order, student: student, userID: userID, addressID: addressID, catalog: catalog, adminID: adminID,
                    couponID: student.useCoupon ? couponID : nil, couponCents: couponCents, at: t0 + 2 * minute, on: sql)
            }
            created.append(student.username)
        }
        var lines = ["  students (password \(password)): \(created.isEmpty ? "already present" : created.joined(separator: ", ") + " created")"]
        lines.append("    student01 cart only; student02 TO_PAY; student03 TO_CONFIRM; student04, student07 CONFIRMED with courses;"
                     + " student05 CANCELED; student06 CONFIRM_FAILED")
        return lines
    }

    /// A cart item with its fee taken from the project's table (pricing §7).
    static func chart(userID: Int, addressID: Int, project: Int, count: Int, status: ChartStatus, at time: Int64, on sql: any SQLDatabase) async throws -> (id: Int, fee: Int64) {
        let fee = try await sql.raw("""
            SELECT course_fee FROM summer_project_course_fee WHERE project_id = \(bind: project) AND course_number = \(bind: count)
            """).first(decoding: Fee.self)?.course_fee ?? 0
        let id = try await DemoRows.insert("summer_shopping_chart", [
            ("project_id", project), ("user_id", userID), ("course_num", count), ("course_fee", fee), ("create_time", time),
            ("modified_time", time), ("status", status.rawValue), ("stu_score_detail_id", addressID),
        ], on: sql)
        return (id, fee)
    }

    static func placeOrder(
        _ order: (status: OrderStatus, items: [(Int, Int)], currency: String, payment: String, remark: String?),
        student: Student, userID: Int, addressID: Int, catalog: SummerDemoCatalog.Loaded, adminID: Int?, couponID: Int?,
        couponCents: Int64, at t0: Int64, on sql: any SQLDatabase
    ) async throws {
        let minute = 60 * SummerTime.microsPerSecond
        var charts: [Int] = []
        var standard: Int64 = 0
        for (project, count) in order.items {
            let projectID = catalog.projectIDs[project]
            let item = try await chart(userID: userID, addressID: addressID, project: projectID, count: count, status: .ordered, at: t0, on: sql)
            let apply = try await sql.raw("SELECT apply_fee FROM summer_project WHERE id = \(bind: projectID)").first(decoding: Apply.self)?.apply_fee
            standard += (apply ?? 0) + item.fee
            charts.append(item.id)
        }
        let discount = couponID == nil ? 0 : couponCents
        let created = t0 + minute
        var modified = created
        let status = order.status
        let paid = [OrderStatus.toConfirm, .confirmed, .confirmFailed].contains(status)
        if paid { modified += 30 * minute }
        if status != .toPay { modified += 30 * minute }
        let orderID = try await DemoRows.insert("summer_order", [
            ("user_id", userID), ("currency", order.currency), ("payment", order.payment), ("status", status.rawValue),
            ("standard_fee", standard), ("pay_fee", max(standard - discount, 0)), ("create_time", created),
            ("modified_time", modified), ("remark", order.remark),
        ], on: sql)
        try await DemoRows.insertAll("summer_order_chart", columns: ["order_id", "chart_id"], charts.map { [orderID, $0] }, on: sql)
        if let couponID {
            try await DemoRows.insertAll("summer_order_coupon", columns: ["order_id", "coupon_id"], [[orderID, couponID]], on: sql)
            // Coupon state as the order drives it (§8.3).
            let couponStatus: CouponUseStatus = [.toPay: .locked, .toConfirm: .locked, .confirmed: .used][status] ?? .toUse
            _ = try await DemoRows.insert("summer_user_coupon", [
                ("user_id", userID), ("coupon_id", couponID), ("status", couponStatus.rawValue),
            ], on: sql)
        }

        var history: [(Int, OperateKey, String, Int64)] = [(userID, .create, OrderRemark.created, created)]
        if paid {
            _ = try await DemoRows.insert("summer_order_payment", [
                ("order_id", orderID), ("amount", max(standard - discount, 0)), ("account_number", "6222020000\(String(format: "%06d", userID))"),
                ("account_name", student.name), ("opening_bank", order.payment == "BANK" ? "招商银行" : nil as String?),
                ("pay_date", "2026-06-0\(1 + userID % 9)"), ("img", "order/order_payment/demo-proof.png"),
                ("create_time", created + 30 * minute),
            ], on: sql)
            history.append((userID, .update, OrderRemark.paid, created + 30 * minute))
        }
        let operatorID = adminID ?? userID
        switch status {
        case .canceled: history.append((userID, .update, OrderRemark.canceled, created + 30 * minute))
        case .confirmed: history.append((operatorID, .update, OrderRemark.confirmed, created + 60 * minute))
        case .confirmFailed: history.append((operatorID, .update, OrderRemark.failed, created + 60 * minute))
        default: break
        }
        try await DemoRows.insertAll("summer_order_operate_history", columns: ["operator_id", "key", "create_time", "remark", "source_id"],
                                     history.map { [$0.0, $0.1.rawValue, $0.3, $0.2, orderID] }, on: sql)

        // Course selections under the first item's project, in the offered courses of that project.
        guard status == .confirmed, let first = order.items.first else { return }
        let projectID = catalog.projectIDs[first.0]
        for (offset, selection) in student.selections.enumerated() {
            let time = created + Int64(90 + offset) * minute
            let graded = selection.status == .pass
            _ = try await DemoRows.insert("summer_user_course", [
                ("user_id", userID), ("course_id", catalog.courseIDs[selection.course]), ("order_id", orderID),
                ("project_id", projectID), ("create_time", time), ("modified_time", time), ("score", selection.score),
                ("score_grade", selection.grade), ("reporting_time", graded ? time + 30 * 24 * 60 * minute : nil as Int64?),
                ("confirm_img", selection.status == .toUpload ? nil : "course/confirm_img/demo-review.png"),
                ("status", selection.status.rawValue),
                ("post_datetime", selection.credit != .prePosted ? time + 40 * 24 * 60 * minute : nil as Int64?),
                ("post_channel", selection.credit == .prePosted ? nil : "EMS" as String?),
                ("post_number", selection.credit == .prePosted ? nil : "EA\(100_000_000 + userID)CN" as String?),
                ("credit_switch_status", selection.credit.rawValue),
                ("switch_img", selection.credit == .success ? "project/result/photo/demo-result.png" : nil as String?),
            ], on: sql)
        }
    }
}
