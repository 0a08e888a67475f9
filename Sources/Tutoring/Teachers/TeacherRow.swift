import SQLKit

/// A teacher/list item (§2.7.1); decoded from columns aliased to the API names.
struct TeacherListItem: Codable, Sendable {
    var teacherID: Int
    var name: String
    var age: Int
    var teachAge: Int
    var subject: String
    var grade: String
    var classType: String
    var zone: String
    var preprice: Int
    var phone: String
    var state: Int

    static let columns = SQLQueryString("""
        t.id AS "teacherID", t.name, t.age, t.teach_age AS "teachAge", t.subject, t.grade, t.class_type AS "classType",
        t.zone, t.preprice, t.phone, t.state
        """)
}

/// teacher/info (§2.7.2): every stored field, with the contact's and reviewer's names.
struct TeacherInfo: Codable, Sendable {
    var teacherID: Int
    var name: String
    var phone: String
    var sex: String
    var age: Int
    var photo: String
    var teachAge: Int
    var subject: String
    var postShcool: String
    var grade: String
    var address: String
    var hometown: String
    var classType: String
    var preprice: Int
    var freeTime: String
    var zone: String
    var org: String
    var teachIntro: String
    var infoFrom: String
    var contactID: Int
    var contact: String
    var createTime: Int
    var recommendTeacher: String
    var assessment: String
    var state: Int
    var reviewer: String
    var reviewTime: Int

    static func query(id: Int) -> SQLQueryString {
        """
        SELECT t.id AS "teacherID", t.name, t.phone, t.sex, t.age, t.photo, t.teach_age AS "teachAge", t.subject,
            t.post_school AS "postShcool", t.grade, t.address, t.hometown, t.class_type AS "classType", t.preprice,
            t.free_time AS "freeTime", t.zone, t.org, t.teach_intro AS "teachIntro", t.info_from AS "infoFrom",
            t.contact_id AS "contactID", COALESCE(c.name, '') AS contact, t.create_time AS "createTime",
            t.recommend_teacher AS "recommendTeacher", t.assessment, t.state, COALESCE(r.name, '') AS reviewer,
            COALESCE(t.review_time, 0) AS "reviewTime"
        FROM tutoring_teacher t
        LEFT JOIN tutoring_staff c ON c.id = t.contact_id
        LEFT JOIN tutoring_staff r ON r.id = t.reviewer_id
        WHERE t.id = \(bind: id) AND t.deleted_at IS NULL
        """
    }
}

/// What teacher/update needs of the stored row.
struct TeacherStored: Decodable, Sendable {
    var contact_id: Int
    var state: Int
}
