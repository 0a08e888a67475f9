import SQLKit

/// A lesson/list item, also lesson/info's data (§2.9.1); decoded from columns aliased to the API names.
struct LessonItem: Codable, Sendable {
    var lessonID: Int
    var orderID: Int
    var teacherID: Int
    var teacher: String
    var studentID: Int
    var student: String
    var subject: String
    var allClass: Int
    var consumedClass: Int
    var weekClass: Int
    var firstClassDate: String
    var startDate: String
    var endDate: String
    var address: String
    var type: String
    var target: String
    var parentDemand: String
    var studentDemand: String
    var program: String
    var preprice: Int
    var state: Int
    var stateInfo: String
    var createTime: Int

    static let columns = SQLQueryString("""
        l.id AS "lessonID", l.order_id AS "orderID", l.teacher_id AS "teacherID", COALESCE(t.name, '') AS teacher,
        l.student_id AS "studentID", COALESCE(s.name, '') AS student, l.subject, l.all_class AS "allClass",
        l.consumed_class AS "consumedClass", l.week_class AS "weekClass", COALESCE(l.first_class_date, '') AS "firstClassDate",
        COALESCE(l.start_date, '') AS "startDate", COALESCE(l.end_date, '') AS "endDate", l.address, l.class_type AS type,
        l.target, l.parent_demand AS "parentDemand", l.student_demand AS "studentDemand", l.program, l.preprice, l.state,
        l.state_info AS "stateInfo", l.create_time AS "createTime"
        """)

    static func joining(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select
            .join(SQLQueryString("tutoring_teacher t"), method: SQLJoinMethod.left, on: SQLQueryString("t.id = l.teacher_id"))
            .join(SQLQueryString("tutoring_student s"), method: SQLJoinMethod.left, on: SQLQueryString("s.id = l.student_id"))
    }

    static func query(id: Int) -> SQLQueryString {
        """
        SELECT \(columns) FROM tutoring_lesson l
        LEFT JOIN tutoring_teacher t ON t.id = l.teacher_id
        LEFT JOIN tutoring_student s ON s.id = l.student_id
        WHERE l.id = \(bind: id) AND l.deleted_at IS NULL
        """
    }
}

/// What lesson/update and lesson/delete need of the stored row.
struct LessonStored: Decodable, Sendable {
    var order_id: Int
    var teacher_id: Int
    var all_class: Int
    var consumed_class: Int
    var start_date: String?
    var end_date: String?
}
