import SQLKit

/// A student with its staff names resolved (LEFT JOINs: deleted staff still show their names, §1.11).
struct StudentRow: Decodable, Sendable {
    let id: Int
    let name: String
    let phone: String
    let school: String
    let grade: String
    let address: String
    let parent: String
    let parent_phone: String
    let headmaster_id: Int?
    let headmaster: String?
    let channel: String
    let developer_id: Int?
    let developer: String?
    let level: Int
    let state: Int

    static let columns = """
        s.id, s.name, s.phone, s.school, s.grade, s.address, s.parent, s.parent_phone, s.headmaster_id,
            h.name AS headmaster, s.channel, s.developer_id, d.name AS developer, s.level, s.state
        """
    /// The student table `s` with its staff joins.
    static let source = """
        tutoring_student s
        LEFT JOIN tutoring_staff h ON h.id = s.headmaster_id
        LEFT JOIN tutoring_staff d ON d.id = s.developer_id
        """
    static let select = "SELECT \(columns) FROM \(source)"
}

/// student/list items.
struct StudentListItem: Encodable, Sendable {
    let studentID: Int
    let name, phone, school, grade, address, parent, parentPhone, headmaster, channel, developer: String
    let level: Int
    let state: Int

    init(_ row: StudentRow) {
        studentID = row.id
        name = row.name
        phone = row.phone
        school = row.school
        grade = row.grade
        address = row.address
        parent = row.parent
        parentPhone = row.parent_phone
        headmaster = row.headmaster ?? ""
        channel = row.channel
        developer = row.developer ?? ""
        level = row.level
        state = row.state
    }
}

/// student/info: the list fields plus the staff IDs (0 when not set).
struct StudentInfo: Encodable, Sendable {
    let studentID: Int
    let name, phone, school, grade, address, parent, parentPhone: String
    let headmasterID: Int
    let headmaster: String
    let channel: String
    let developerID: Int
    let developer: String
    let level: Int
    let state: Int

    init(_ row: StudentRow) {
        studentID = row.id
        name = row.name
        phone = row.phone
        school = row.school
        grade = row.grade
        address = row.address
        parent = row.parent
        parentPhone = row.parent_phone
        headmasterID = row.headmaster_id ?? 0
        headmaster = row.headmaster ?? ""
        channel = row.channel
        developerID = row.developer_id ?? 0
        developer = row.developer ?? ""
        level = row.level
        state = row.state
    }
}
