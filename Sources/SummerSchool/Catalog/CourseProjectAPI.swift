import RegistrarCore

extension CourseProjectRoutes {
    var operations: [APIOperation] {
        [
            .post(
                "/source/course_project", "把课程关联到项目", notes: "同一对 (project, course) 只能关联一次，重复答 400。",
                body: SummerSchemas.fields(CourseProjectFields.schema)),
        ]
    }
}

extension CourseProjectFields {
    static let schema = Schema.object([
        "course": Schema.integer.describe("课程 id"),
        "project": Schema.integer.describe("项目 id"),
        "professor": Schema.string.maxLength(30),
        "start_time": Schema.date,
        "end_time": Schema.date,
        "address": Schema.string.maxLength(100),
    ]).named("CourseProjectInput")
}
