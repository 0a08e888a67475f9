import Foundation
import RegistrarCore
import SQLKit

/// The summer benchmark data set (shared/benchmarks/summer-profile.md), generated from a fixed seed: 20 campuses,
/// 200 projects with their fee tables, 500 courses offered in 2 projects each, 2,000 students with a complete
/// profile, a mailing address, one cart item and one order each, and the ADMIN account the benchmark logs in
/// with. Loaded in one transaction with multi-row inserts; skipped when its first student exists. A scale factor
/// multiplies every table (the profile "scaled 100×"); scale 1 is the reference data set.
enum SummerBenchmarkProfile {
    static let seed: UInt64 = 42
    static let password = "123456"

    static let cities = ["北京", "上海", "广州", "深圳", "武汉", "成都", "杭州", "南京", "西安", "重庆",
                         "天津", "苏州", "长沙", "郑州", "青岛", "厦门", "大连", "济南", "合肥", "昆明"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"]
    static let subjects = ["Computer Science", "Economics", "Statistics", "Psychology", "History", "Mathematics", "Physics",
                           "Art", "Literature", "Philosophy"]
    /// Order states with their weights: CONFIRMED twice as often as each other state.
    static let statuses: [OrderStatus] = [.toPay, .toConfirm, .confirmed, .confirmed, .canceled, .confirmFailed]

    private struct Count: Decodable { let count: Int }

    static func load(database: RegistrarDatabase, passwordHash: String, scale: Int = 1) async throws -> String {
        precondition(scale >= 1, "the scale factor is at least 1")
        let campuses = 20 * scale, projects = 200 * scale, courses = 500 * scale, students = 2_000 * scale
        let base: Int64 = 1_780_272_000 * SummerTime.microsPerSecond  // 2026-06-01 UTC
        let second = SummerTime.microsPerSecond
        return try await database.transaction { sql in
            if try await sql.raw("SELECT id FROM summer_user WHERE username = 'student0000'").first() != nil {
                return "Summer-school benchmark profile: already present, not loaded"
            }
            var random = SplitMix64(seed: seed)
            let tables = ["summer_user", "summer_student_info", "summer_student_score_detail", "summer_campus", "summer_project",
                          "summer_project_course_fee", "summer_course", "summer_course_project", "summer_shopping_chart", "summer_order",
                          "summer_order_operate_history"]
            var next: [String: Int] = [:]
            for table in tables { next[table] = try await DemoRows.maxID(table, on: sql) + 1 }
            func ids(_ table: String, _ count: Int) -> Range<Int> {
                let first = next[table]!
                next[table] = first + count
                return first..<(first + count)
            }

            // The ADMIN the benchmark logs in with (the demo's AdminUser, when it is not there yet).
            var lines = ["Summer-school benchmark profile (seed \(seed)\(scale > 1 ? ", scale \(scale)×" : "")):"]
            if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = 'adminuser'").first() == nil {
                let id = ids("summer_user", 1).lowerBound
                try await DemoRows.insertAll("summer_user", columns: ["id", "username", "password", "name", "role", "is_active", "is_superuser", "create_time"],
                                             [[id, "AdminUser", passwordHash, "管理员", Role.admin.rawValue, true, false, base]], on: sql)
            }
            lines.append("  login AdminUser / \(password) (ADMIN); students student0000…student\(String(format: "%04d", students - 1)) / \(password)")

            let campusIDs = Array(ids("summer_campus", campuses))
            try await DemoRows.insertAll("summer_campus", columns: ["id", "name", "info", "network_course", "create_time", "is_active"],
                                         campusIDs.enumerated().map { index, id in
                                             [id, "\(cities[index % cities.count])校区\(String(format: "%02d", index + 1))",
                                              "\(cities[index % cities.count])合作院校",
                                              (index + 1) % 5 == 0, base + Int64(index) * second, true]
                                         }, on: sql)

            // Projects and their fee tables.
            struct Project { let id: Int; let start: String; let end: String; let address: String; let applyFee: Int64; let fees: [Int64] }
            var projectRows: [[any Encodable & Sendable]] = []
            var feeRows: [[any Encodable & Sendable]] = []
            var projectList: [Project] = []
            let firstFee = ids("summer_project_course_fee", 0).lowerBound
            var feeID = firstFee
            for (index, id) in ids("summer_project", projects).enumerated() {
                let start = date(daysAfter: random.int(0...59))
                let end = date(daysAfter: dayNumber(start) + 21)
                let applyFee = Int64(random.pick([1000, 1500, 2000, 2500])) * 100
                let courseNum = random.int(1...4)
                let feeBase = Int64(random.pick([18000, 20000, 23120, 25000]))
                let fees = (1...courseNum).map { n in (feeBase * Int64(n) - 2000 * Int64(n - 1)) * 100 }
                let campus = index % campuses
                let city = cities[campus % cities.count]
                let address = "\(city)市"
                projectRows.append([id, campusIDs[campus], "\(city)暑期项目\(String(format: "%03d", index + 1))", start, end,
                                    address, "\(courseNum)门课程，为期3周", base + Int64(index) * second, applyFee, courseNum, true])
                for (n, fee) in fees.enumerated() {
                    feeRows.append([feeID, id, n + 1, fee])
                    feeID += 1
                }
                projectList.append(Project(id: id, start: start, end: end, address: address, applyFee: applyFee, fees: fees))
            }
            next["summer_project_course_fee"] = feeID
            try await DemoRows.insertAll("summer_project", columns: ["id", "campus_id", "name", "start_date", "end_date", "address", "info",
                                                                   "create_time", "apply_fee", "course_num", "is_active"], projectRows, on: sql)
            try await DemoRows.insertAll("summer_project_course_fee", columns: ["id", "project_id", "course_number", "course_fee"], feeRows, on: sql)

            // Courses, each offered in two distinct projects.
            var courseRows: [[any Encodable & Sendable]] = []
            var linkRows: [[any Encodable & Sendable]] = []
            let linkIDs = ids("summer_course_project", courses * 2)
            var linkID = linkIDs.lowerBound
            for (index, id) in ids("summer_course", courses).enumerated() {
                let time = base + Int64(index) * second
                let subject = subjects[index % subjects.count]
                courseRows.append([id, "CS\(String(format: "%04d", index))", "\(subject) \(100 + index)", random.pick([30, 40, 60]),
                                   random.int(2...4), time, time, true])
                let first = random.int(0...projects - 1)
                let other = (first + random.int(1...projects - 1)) % projects
                for project in [projectList[first], projectList[other]] {
                    linkRows.append([linkID, project.id, id, time, time, "Professor \(surnames[index % surnames.count]) \(index)",
                                     project.start, project.end, project.address])
                    linkID += 1
                }
            }
            try await DemoRows.insertAll("summer_course", columns: ["id", "course_code", "name", "max_num", "credit", "create_time",
                                                                  "modified_time", "is_active"], courseRows, on: sql)
            try await DemoRows.insertAll("summer_course_project", columns: ["id", "project_id", "course_id", "create_time", "modified_time",
                                                                          "professor", "start_time", "end_time", "address"], linkRows, on: sql)

            // Students: profile, mailing address, one cart item and one order each.
            var users: [[any Encodable & Sendable]] = []
            var infos: [[any Encodable & Sendable]] = []
            var addresses: [[any Encodable & Sendable]] = []
            var charts: [[any Encodable & Sendable]] = []
            var orders: [[any Encodable & Sendable]] = []
            var orderCharts: [[any Encodable & Sendable]] = []
            var history: [[any Encodable & Sendable]] = []
            let userIDs = Array(ids("summer_user", students))
            let infoIDs = Array(ids("summer_student_info", students))
            let addressIDs = Array(ids("summer_student_score_detail", students))
            let chartIDs = Array(ids("summer_shopping_chart", students))
            let orderIDs = Array(ids("summer_order", students))
            let historyIDs = Array(ids("summer_order_operate_history", students))
            for index in 0..<students {
                let userID = userIDs[index]
                let time = base + Int64(index) * 60 * second
                let name = random.pick(surnames) + random.pick(givenNames) + random.pick(givenNames)
                let phone = "139\(String(format: "%08d", index))"
                users.append([userID, "student\(String(format: "%04d", index))", passwordHash, Role.student.rawValue, true, false, time])
                infos.append([infoIDs[index], userID, name, "student\(String(format: "%04d", index))@example.com", "wx\(index)",
                              "\(random.pick(cities))大学", #"[""# + "\(random.pick(cities))校区" + #""]"#, time, "First\(index)", "Last",
                              phone, random.pick(["MALE", "FEMALE"]), "4201011999\(String(format: "%08d", index))",
                              random.pick(subjects), "\(random.int(2026...2029))", Double(random.int(250...400)) / 100, false])
                addresses.append([addressIDs[index], userID, "\(random.pick(subjects))系", phone, "中国", "430072", "\(random.pick(cities))市大学路\(index)号"])
                let project = projectList[random.int(0...projects - 1)]
                let count = random.int(1...project.fees.count)
                let fee = project.fees[count - 1]
                charts.append([chartIDs[index], project.id, userID, count, fee, time, time, ChartStatus.ordered.rawValue, addressIDs[index]])
                let status = random.pick(statuses)
                let total = project.applyFee + fee
                orders.append([orderIDs[index], userID, random.pick(["RMB", "DOLLAR"]), random.pick(["BANK", "ALI_PAY", "PAY_PAL", "OFF_LINE"]),
                               status.rawValue, total, total, time + second, time + second, String?.none])
                orderCharts.append([orderIDs[index], chartIDs[index]])
                history.append([historyIDs[index], userID, OperateKey.create.rawValue, time + second, OrderRemark.created, orderIDs[index]])
            }
            try await DemoRows.insertAll("summer_user", columns: ["id", "username", "password", "role", "is_active", "is_superuser", "create_time"], users, on: sql)
            try await DemoRows.insertAll("summer_student_info", columns: [
                "id", "user_id", "name", "email", "wechat", "cschool", "wcampus", "create_time", "first_name", "last_name", "phone",
                "gender", "id_number", "major", "graduate_year", "gpa", "valid_sales_man"], infos, on: sql)
            try await DemoRows.insertAll("summer_student_score_detail", columns: ["id", "user_id", "department", "phone", "country",
                                                                                "post_code", "address"], addresses, on: sql)
            try await DemoRows.insertAll("summer_shopping_chart", columns: ["id", "project_id", "user_id", "course_num", "course_fee",
                                                                          "create_time", "modified_time", "status", "stu_score_detail_id"], charts, on: sql)
            try await DemoRows.insertAll("summer_order", columns: ["id", "user_id", "currency", "payment", "status", "standard_fee", "pay_fee",
                                                                 "create_time", "modified_time", "remark"], orders, on: sql)
            try await DemoRows.insertAll("summer_order_chart", columns: ["order_id", "chart_id"], orderCharts, on: sql)
            try await DemoRows.insertAll("summer_order_operate_history", columns: ["id", "operator_id", "key", "create_time", "remark",
                                                                                 "source_id"], history, on: sql)
            try await DemoRows.advanceSequences(tables, on: sql, isSQLite: database.isSQLite)
            lines.append("  \(campuses) campuses, \(projects) projects, \(feeRows.count) fee rows, \(courses) courses, \(linkRows.count) offerings,"
                         + " \(students) students with one cart item and one order each")
            return lines.joined(separator: "\n")
        }
    }

    /// `2018-06-01` plus `days`, as `YYYY-MM-DD`.
    static func date(daysAfter days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2018, month: 6, day: 1))!
        let day = calendar.date(byAdding: .day, value: days, to: start)!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Days from 2018-06-01 to a date made by `date(daysAfter:)`.
    static func dayNumber(_ text: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2018, month: 6, day: 1))!
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        return calendar.dateComponents([.day], from: start, to: day).day!
    }
}

extension SummerSchoolApp {
    /// `registrar demo-data --profile benchmark --scale N`: the summer benchmark data set with every table N times
    /// larger (N = 1 is shared/benchmarks/summer-profile.md), then fresh planner statistics.
    public static func loadBenchmarkData(database: RegistrarDatabase, scale: Int) async throws -> String {
        let report = try await SummerBenchmarkProfile.load(
            database: database, passwordHash: try await Passwords(cost: 10).hash(SummerBenchmarkProfile.password), scale: scale)
        try await database.sql.raw("ANALYZE").run()
        return report
    }
}
