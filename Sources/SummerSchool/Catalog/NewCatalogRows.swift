/// The rows the catalogue inserts (`insertRow`: camelCase properties are the snake_case columns). New rows
/// are active.

struct NewCampus: Encodable, Sendable {
    let name: String
    let info: String
    let networkCourse: Bool
    let createTime: Int64
    var isActive = true
}

struct NewProject: Encodable, Sendable {
    let campusId: Int
    let name: String?
    let startDate: String
    let endDate: String
    let address: String?
    let info: String?
    let createTime: Int64
    let applyFee: Int64?  // cents
    let courseNum: Int
    var isActive = true
}

struct NewCourse: Encodable, Sendable {
    let courseCode: String
    let name: String
    let maxNum: Int
    let credit: Int
    let createTime: Int64
    let modifiedTime: Int64
    var isActive = true
}

/// A course offered in a project.
struct NewCourseProject: Encodable, Sendable {
    let projectId: Int
    let courseId: Int
    let createTime: Int64
    let modifiedTime: Int64
    let professor: String
    let startTime: String
    let endTime: String
    let address: String
}
