import RegistrarCore

extension StatisticsRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/admin/statistics", "全部学生资料（含员工账号的资料），学生列表的形状",
                notes: "学生列表的筛选条件在此被忽略。", query: [SummerSchemas.page],
                data: SummerSchemas.page(StudentListItem.schema)),
            .get("/admin/statistics/students_overview", "学生人数统计", data: StudentsOverview.schema),
            .get("/admin/statistics/campus_overview", "校区与项目的申请、缴费人数", data: .array(CampusOverview.schema)),
        ]
    }
}

extension StudentsOverview {
    static let schema = Schema.object([
        "students_num": Schema.integer.minimum(0).describe("学生人数"),
        "personal_file_num": Schema.integer.minimum(0).describe("已建档人数"),
        "students_applyed": Schema.integer.minimum(0).describe("已申请人数"),
        "students_payed": Schema.integer.minimum(0).describe("已支付人数"),
    ]).named("StudentsOverview")
}

extension CampusOverview {
    static let schema = Schema.object([
        "id": .integer,
        "name": .string,
        "info": .string,
        "create_time": SummerSchemas.time,
        "project_set": .array(.object([
            "id": .integer,
            "name": Schema.string.orNull,
            "applyed_number": Schema.integer.minimum(0).describe("申请人数"),
            "payed_number": Schema.integer.minimum(0).describe("缴费人数"),
        ])),
    ]).named("CampusOverview")
}
