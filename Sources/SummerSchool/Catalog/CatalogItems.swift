import RegistrarCore
import SQLKit

/// Campus object C (catalog spec §4).
struct CatalogCampus: Codable, Sendable {
    let id: Int
    let name: String
    let info: String
    let create_time: String
    let network_course: Bool

    struct Row: Decodable, Sendable {
        let id: Int
        let name: String
        let info: String
        let create_time: Int64
        let network_course: Bool
        let is_active: Bool

        static let columns = "id, name, info, create_time, network_course, is_active"
    }

    init(_ row: Row) {
        id = row.id
        name = row.name
        info = row.info
        create_time = SummerTime.render(row.create_time)
        network_course = row.network_course
    }
}

/// One row of a project's course-count → fee table, object F (catalog spec §4).
struct CatalogCourseFee: Encodable, Sendable {
    let id: Int
    let course_number: Int
    let course_fee: Money
    let course_info: String

    struct Row: Decodable, Sendable {
        let id: Int
        let project_id: Int
        let course_number: Int
        let course_fee: Int64
    }

    init(_ row: Row) {
        id = row.id
        course_number = row.course_number
        course_fee = Money(cents: row.course_fee)
        course_info = "\(row.course_number)门"
    }
}

/// Project object P (catalog spec §4): its campus and its fee table in ascending `course_number` (D15).
struct CatalogProject: Encodable, Sendable {
    let id: Int
    let campus: CatalogCampus
    @Nullable var name: String?
    let start_date: String
    let end_date: String
    @Nullable var address: String?
    @Nullable var info: String?
    let create_time: String
    @Nullable var apply_fee: Money?
    let course_num: Int
    let project_course_fee: [CatalogCourseFee]

    struct Row: Decodable, Sendable {
        let id: Int
        let campus_id: Int
        let name: String?
        let start_date: String
        let end_date: String
        let address: String?
        let info: String?
        let create_time: Int64
        let apply_fee: Int64?
        let course_num: Int
        let is_active: Bool

        static let columns =
            "id, campus_id, name, start_date, end_date, address, info, create_time, apply_fee, course_num, is_active"
    }

    init(_ row: Row, campus: CatalogCampus, fees: [CatalogCourseFee]) {
        id = row.id
        self.campus = campus
        name = row.name
        start_date = row.start_date
        end_date = row.end_date
        address = row.address
        info = row.info
        create_time = SummerTime.render(row.create_time)
        apply_fee = row.apply_fee.map { Money(cents: $0) }
        course_num = row.course_num
        project_course_fee = fees
    }
}

/// Course object K (catalog spec §4).
struct CatalogCourse: Encodable, Sendable {
    let id: Int
    let course_code: String
    let name: String
    let max_num: Int
    let credit: Int
    let create_time: String

    struct Row: Decodable, Sendable {
        let id: Int
        let course_code: String
        let name: String
        let max_num: Int
        let credit: Int
        let create_time: Int64
        let modified_time: Int64
        let is_active: Bool

        static let columns = "id, course_code, name, max_num, credit, create_time, modified_time, is_active"
    }

    init(_ row: Row) {
        id = row.id
        course_code = row.course_code
        name = row.name
        max_num = row.max_num
        credit = row.credit
        create_time = SummerTime.render(row.create_time)
    }
}
