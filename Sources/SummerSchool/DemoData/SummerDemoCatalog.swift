import RegistrarCore
import SQLKit

/// The demonstration catalogue: campuses, projects with their fee tables, courses and their offerings.
/// Loaded once: when the first campus is already there, the catalogue is left as it is.
enum SummerDemoCatalog {
    struct Project {
        let campus: Int  // index into `campuses`
        let name: String
        let start: String
        let end: String
        let address: String
        let info: String
        let applyFee: Int64?  // cents
        let courseNum: Int
        let fees: [Int64]  // cents for 1, 2, … courses
        var active = true
    }

    struct Course {
        let code: String
        let name: String
        let maxNum: Int
        let credit: Int
        var active = true
    }

    static let campuses: [(name: String, info: String, network: Bool)] = [
        ("武汉校区", "针对国际业务", false),
        ("北京校区", "北京高校合作项目", false),
        ("加州伯克利校区", "美国西海岸暑期学校", false),
        ("网络课程校区", "在线直播课程", true),
    ]

    static let projects: [Project] = [
        Project(campus: 0, name: "冬季课程", start: "2026-12-25", end: "2027-01-12", address: "武汉市", info: "3周课程",
                applyFee: 200_000, courseNum: 4, fees: [2_312_000, 2_312_000, 2_812_000]),
        Project(campus: 0, name: "暑期课程第一期", start: "2027-06-28", end: "2027-07-30", address: "武汉大学", info: "5周课程",
                applyFee: 200_000, courseNum: 4, fees: [2_312_000, 2_312_000, 2_812_000, 3_312_000]),
        Project(campus: 1, name: "北京暑期学校", start: "2027-07-05", end: "2027-08-06", address: "北京市海淀区", info: "学分可转换",
                applyFee: 150_000, courseNum: 3, fees: [1_800_000, 3_400_000, 5_000_000]),
        Project(campus: 2, name: "伯克利暑期项目", start: "2027-06-21", end: "2027-08-13", address: "Berkeley, CA", info: "8周课程",
                applyFee: 250_000, courseNum: 2, fees: [2_500_000, 4_800_000]),
        Project(campus: 3, name: "网络直播课程", start: "2027-07-01", end: "2027-08-31", address: "线上", info: "直播加录播",
                applyFee: nil, courseNum: 2, fees: [800_000, 1_500_000]),
        Project(campus: 1, name: "2025年暑期学校", start: "2025-07-05", end: "2025-08-06", address: "北京市海淀区", info: "已结束",
                applyFee: 150_000, courseNum: 2, fees: [1_800_000, 3_400_000], active: false),
    ]

    static let courses: [Course] = [
        Course(code: "ART 12", name: "Western Art: Renaissance to the Present 西方艺术：文艺复兴时期至今", maxNum: 100, credit: 4),
        Course(code: "ECON 1", name: "Introduction to Economics 经济学导论", maxNum: 60, credit: 4),
        Course(code: "CS 61A", name: "Structure and Interpretation of Computer Programs 计算机程序的构造和解释", maxNum: 40, credit: 4),
        Course(code: "MATH 53", name: "Multivariable Calculus 多元微积分", maxNum: 60, credit: 4),
        Course(code: "PSYCH 1", name: "General Psychology 普通心理学", maxNum: 80, credit: 3),
        Course(code: "STAT 20", name: "Introduction to Probability and Statistics 概率统计导论", maxNum: 50, credit: 4),
        Course(code: "HIST 7B", name: "American History 美国历史", maxNum: 30, credit: 3),
        Course(code: "ENGL 1A", name: "Academic Writing 学术写作", maxNum: 25, credit: 2),
        Course(code: "PHYS 7A", name: "Physics for Scientists 大学物理", maxNum: 40, credit: 4, active: false),
    ]

    /// (project index, course index, professor, address); session dates follow the project's.
    static let offerings: [(project: Int, course: Int, professor: String, address: String)] = [
        (0, 0, "Iron Musk", "武汉大学地质楼"), (0, 1, "Steven Curry", "武汉大学经管楼"), (0, 4, "Mary Shaw", "武汉大学心理楼"),
        (0, 7, "Anne Lee", "武汉大学外语楼"),
        (1, 0, "Iron Musk", "武汉大学地质楼"), (1, 2, "John DeNero", "武汉大学计算机楼"), (1, 3, "Edward Frenkel", "武汉大学数学楼"),
        (1, 5, "Philip Stark", "武汉大学数学楼"), (1, 8, "Richard Muller", "武汉大学物理楼"),
        (2, 1, "王教授", "北京大学二教"), (2, 6, "李教授", "北京大学文史楼"), (2, 7, "张教授", "北京大学外语楼"),
        (3, 2, "John DeNero", "Wheeler Hall"), (3, 5, "Philip Stark", "Evans Hall"),
        (4, 4, "Mary Shaw", "线上直播间"), (4, 6, "李教授", "线上直播间"),
        (5, 1, "王教授", "北京大学二教"),
    ]

    struct Loaded {
        var campusIDs: [Int] = []
        var projectIDs: [Int] = []
        var courseIDs: [Int] = []
        var created = false
    }

    private struct ID: Decodable { let id: Int }

    static func load(on sql: any SQLDatabase, at now: Int64) async throws -> Loaded {
        var loaded = Loaded()
        if try await sql.raw("SELECT id FROM summer_campus WHERE name = \(bind: campuses[0].name)").first() != nil {
            // Already loaded: find the rows by their natural keys so the students can refer to them.
            for campus in campuses {
                loaded.campusIDs.append(try await sql.raw("SELECT id FROM summer_campus WHERE name = \(bind: campus.name) ORDER BY id")
                    .first(decoding: ID.self)?.id ?? 0)
            }
            for project in projects {
                loaded.projectIDs.append(try await sql.raw("""
                    SELECT id FROM summer_project WHERE name = \(bind: project.name) AND campus_id = \(bind: loaded.campusIDs[project.campus]) ORDER BY id
                    """).first(decoding: ID.self)?.id ?? 0)
            }
            for course in courses {
                loaded.courseIDs.append(try await sql.raw("SELECT id FROM summer_course WHERE course_code = \(bind: course.code)")
                    .first(decoding: ID.self)?.id ?? 0)
            }
            return loaded
        }
        loaded.created = true
        for (index, campus) in campuses.enumerated() {
            loaded.campusIDs.append(try await DemoRows.insert("summer_campus", [
                ("name", campus.name), ("info", campus.info), ("network_course", campus.network),
                ("create_time", now + Int64(index) * SummerTime.microsPerSecond), ("is_active", true),
            ], on: sql))
        }
        for (index, project) in projects.enumerated() {
            let id = try await DemoRows.insert("summer_project", [
                ("campus_id", loaded.campusIDs[project.campus]), ("name", project.name), ("start_date", project.start),
                ("end_date", project.end), ("address", project.address), ("info", project.info),
                ("create_time", now + Int64(index) * SummerTime.microsPerSecond), ("apply_fee", project.applyFee),
                ("course_num", project.courseNum), ("is_active", project.active),
            ], on: sql)
            loaded.projectIDs.append(id)
            try await DemoRows.insertAll("summer_project_course_fee", columns: ["project_id", "course_number", "course_fee"],
                                         project.fees.enumerated().map { [id, $0.offset + 1, $0.element] }, on: sql)
        }
        if try await sql.raw("SELECT id FROM summer_course WHERE course_code = \(bind: courses[0].code)").first() != nil {
            throw OperatorError("the demo course \(courses[0].code) exists without the demo campuses; load the demo into a fresh database")
        }
        for (index, course) in courses.enumerated() {
            let time = now + Int64(index) * SummerTime.microsPerSecond
            loaded.courseIDs.append(try await DemoRows.insert("summer_course", [
                ("course_code", course.code), ("name", course.name), ("max_num", course.maxNum), ("credit", course.credit),
                ("create_time", time), ("modified_time", time), ("is_active", course.active),
            ], on: sql))
        }
        try await DemoRows.insertAll(
            "summer_course_project",
            columns: ["project_id", "course_id", "create_time", "modified_time", "professor", "start_time", "end_time", "address"],
            offerings.map { offering in
                let project = projects[offering.project]
                return [loaded.projectIDs[offering.project], loaded.courseIDs[offering.course], now, now, offering.professor,
                        project.start, project.end, offering.address]
            }, on: sql)
        return loaded
    }
}
