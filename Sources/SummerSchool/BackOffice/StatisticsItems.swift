import RegistrarCore

/// The product centre's student figures (D1, §5).
struct StudentsOverview: Codable, Sendable, Equatable {
    /// Profiles of STUDENT accounts (学生人数).
    let students_num: Int
    /// Profiles of any role with first/last name, id number, major and gpa all set (已建档人数).
    let personal_file_num: Int
    /// Distinct students with an order of any status, cancelled included (已申请人数).
    let students_applyed: Int
    /// Distinct students with a CONFIRMED order (已支付人数).
    let students_payed: Int
}

/// One campus of the campus overview (D2) with every one of its projects and their figures.
struct CampusOverview: Encodable, Sendable {
    let id: Int
    let name: String
    let info: String
    let create_time: Instant
    let project_set: [Project]

    struct Project: Encodable, Sendable {
        let id: Int
        @Nullable var name: String?
        let applyed_number: Int
        let payed_number: Int
    }

    struct CampusRow: Decodable {
        let id: Int
        let name: String
        let info: String
        let create_time: Int64
    }

    struct ProjectRow: Decodable {
        let id: Int
        let campus_id: Int
        let name: String?
    }
}
