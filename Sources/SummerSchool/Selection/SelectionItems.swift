import RegistrarCore

/// `{id, name}` of a cart item's project.
struct SelectionProjectRef: Encodable, Sendable {
    let id: Int
    @Nullable var name: String?
}

/// `{id}` of an order.
struct SelectionOrderRef: Encodable, Sendable {
    let id: Int
}

/// A selected course with its offering's session details (S21 `current_courses` item; id = the course id).
struct CurrentCourseItem: Encodable, Sendable {
    let id: Int
    let course_code: String
    let name: String
    let professor: String
    let start_time: String
    let end_time: String
    let address: String

    init(_ row: SelectedCourseRow) {
        id = row.course_id
        course_code = row.course_code
        name = row.name
        professor = row.professor
        start_time = row.start_time
        end_time = row.end_time
        address = row.address
    }
}

/// S21 entry: what the student bought per project and what they selected so far.
struct CurrentCoursesEntry: Encodable, Sendable {
    let project: SelectionProjectRef
    let order: SelectionOrderRef
    let chart_id: Int
    let current_courses: [CurrentCourseItem]
    let course_num: Int
    let current_course_num: Int

    init(_ entry: PurchasedProject) {
        project = SelectionProjectRef(id: entry.projectID, name: entry.projectName)
        order = SelectionOrderRef(id: entry.orderID)
        chart_id = entry.chartID
        current_courses = entry.courses.map(CurrentCourseItem.init)
        course_num = entry.courseNum
        current_course_num = current_courses.count
    }
}

/// S23 and S25 course item: the course as S21 renders it, then one state of the selection and its proof,
/// under the keys of that state: `status` and `confirm_img` for the review (S23), `credit_switch_status` and
/// `switch_img` for the credit transfer (S25). Both are always present, null when unset.
struct CourseStateItem: Encodable, Sendable {
    let course: CurrentCourseItem
    let keys: (state: String, proof: String)
    let state: Choice?
    let proof: String?

    /// S23: the review state and its proof.
    static func review(_ row: SelectedCourseRow, call: SummerCall) -> CourseStateItem {
        CourseStateItem(
            course: CurrentCourseItem(row), keys: ("status", "confirm_img"), state: CourseReviewState.choice(row.status),
            proof: row.confirm_img.map(call.mediaURL))
    }

    /// S25: the credit-transfer state and its proof.
    static func creditTransfer(_ row: SelectedCourseRow, call: SummerCall) -> CourseStateItem {
        CourseStateItem(
            course: CurrentCourseItem(row), keys: ("credit_switch_status", "switch_img"),
            state: CreditTransferState.choice(row.credit_switch_status), proof: row.switch_img.map(call.mediaURL))
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The course's members first, then the state's two, in one object.
    func encode(to encoder: any Encoder) throws {
        try course.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Nullable(wrappedValue: state), forKey: Key(stringValue: keys.state))
        try container.encode(Nullable(wrappedValue: proof), forKey: Key(stringValue: keys.proof))
    }
}

/// S23 and S25 entry: like S21 without the counts.
struct CourseRecordEntry<Item: Encodable & Sendable>: Encodable, Sendable {
    let project: SelectionProjectRef
    let order: SelectionOrderRef
    let chart_id: Int
    let current_courses: [Item]

    init(_ entry: PurchasedProject, item: (SelectedCourseRow) -> Item) {
        project = SelectionProjectRef(id: entry.projectID, name: entry.projectName)
        order = SelectionOrderRef(id: entry.orderID)
        chart_id = entry.chartID
        current_courses = entry.courses.map(item)
    }
}

/// S19 item: a raw selection.
struct UserCourseRawItem: Encodable, Sendable {
    let id: Int
    let order: Int

    struct Row: Decodable, Sendable {
        let id: Int
        let order_id: Int
    }
}

/// S22 item: a selection's course and score.
struct MyScoreItem: Encodable, Sendable {
    let id: Int
    let course: CatalogCourse
    let score: Int
    @Nullable var score_grade: String?
    let reporting_time: Instant

    struct Row: Decodable, Sendable {
        let id: Int
        let score: Int
        let score_grade: String?
        let reporting_time: Int64?
        let course_id: Int
        let course_code: String
        let course_name: String
        let max_num: Int
        let credit: Int
        let course_create_time: Int64
        let course_modified_time: Int64
        let course_is_active: Bool

        static let columns = """
            uc.id, uc.score, uc.score_grade, uc.reporting_time, k.id AS course_id, k.course_code, \
            k.name AS course_name, k.max_num, k.credit, k.create_time AS course_create_time, \
            k.modified_time AS course_modified_time, k.is_active AS course_is_active
            """
    }

    init(_ row: Row) {
        id = row.id
        course = CatalogCourse(CatalogCourse.Row(
            id: row.course_id, course_code: row.course_code, name: row.course_name, max_num: row.max_num,
            credit: row.credit, create_time: row.course_create_time, modified_time: row.course_modified_time,
            is_active: row.course_is_active))
        score = row.score
        score_grade = row.score_grade
        reporting_time = Instant(row.reporting_time)
    }
}
