import Foundation
import RegistrarCore
import SQLKit

/// A promotion channel as the student objects embed it: `{id, name, create_time}`.
struct StudentChannel: Encodable, Sendable {
    let id: Int
    let name: String
    let create_time: Instant

    struct Row: Decodable {
        let id: Int
        let name: String
        let create_time: Int64
    }

    /// The channels with `ids`, by id (one query; none for no ids).
    static func load(ids: some Collection<Int>, on sql: any SQLDatabase) async throws -> [Int: StudentChannel] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "name", "create_time").from("summer_market_channel")
            .where("id", .in, SQLBind.group(unique))
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, StudentChannel(id: $0.id, name: $0.name, create_time: Instant($0.create_time))) })
    }

    /// The channel a profile resolves to (A1 channel rule, DV-3), as one SQL expression over `si`: its own
    /// channel when that exists, else the channel of the lowest-id `user_channel` row with its openid (a NULL
    /// openid matches nothing), else NULL.
    static let resolvedID = """
        COALESCE(\
        (SELECT mc.id FROM summer_market_channel mc WHERE mc.id = si.channel_id), \
        (SELECT uc.channel_id FROM summer_user_channel uc WHERE uc.openid = si.openid ORDER BY uc.id LIMIT 1))
        """
}

/// A profile's gender as `{key, verbose}`, whose key may be outside the enumeration: an unset gender is stored as `''` and
/// renders `{"key":"","verbose":null}` (A2).
struct ProfileGender: Encodable, Sendable {
    let key: String
    @Nullable var verbose: String?

    init?(_ key: String?, in set: ChoiceSet) {
        guard let key else { return nil }
        self.key = key
        verbose = set.choice(key)?.verbose
    }
}

/// A student's profile as the list (A1) and the detail (A2) read it, over `summer_student_info si` joined to
/// `summer_user u`.
struct StudentProfileRow: Decodable {
    let id: Int
    let user_id: Int
    let name: String
    let email: String
    let cschool: String
    let wechat: String
    let wcampus: String
    let last_login: Int64?
    let first_name: String?
    let last_name: String?
    let gender: String?
    let id_number: String?
    let major: String?
    let graduate_year: String?
    let gpa: Double?
    let channel_ref: Int?

    static let columns = """
        si.id, si.user_id, si.name, si.email, si.cschool, si.wechat, si.wcampus, u.last_login, si.first_name, \
        si.last_name, si.gender, si.id_number, si.major, si.graduate_year, si.gpa, \(StudentChannel.resolvedID) AS channel_ref
        """

    /// `已建档` iff any of these is truthy (non-empty text, non-zero gpa); graduate_year counts here but
    /// not in the statistics' personal_file_num (§5).
    var hasPersonalFile: Bool {
        let texts = [first_name, last_name, gender, id_number, major, graduate_year]
        return texts.contains { !($0 ?? "").isEmpty } || (gpa ?? 0) != 0
    }
}

/// One student of the list (A1, D3).
struct StudentListItem: Encodable, Sendable {
    let user_id: Int
    let name: String
    let email: String
    let cschool: String
    let last_login: Instant
    let wechat: String
    let personal_file: String
    @Nullable var channel: StudentChannel?

    typealias Row = StudentProfileRow

    init(_ row: Row, channels: [Int: StudentChannel]) {
        user_id = row.user_id
        name = row.name
        email = row.email
        cschool = row.cschool
        last_login = Instant(row.last_login)
        wechat = row.wechat
        personal_file = row.hasPersonalFile ? "已建档" : "未建档"
        channel = row.channel_ref.flatMap { channels[$0] }
    }
}

/// A remark on a student: `{id, remark, create_time}` (A2, A3).
struct StudentRemark: Encodable, Sendable {
    let id: Int
    let remark: String
    let create_time: Instant

    struct Row: Decodable, Sendable {
        let id: Int
        let remark: String
        let create_time: Int64
    }

    init(_ row: Row) {
        id = row.id
        remark = row.remark
        create_time = Instant(row.create_time)
    }
}

/// A usable coupon of the student (A2): `user` is the user id, `id` the coupon id.
struct StudentCoupon: Encodable, Sendable {
    let user: Int
    let id: Int
    let info: String
    let start_time: Instant
    let end_time: Instant
    let coupon_code: String
    let amount: Money

    struct Row: Decodable {
        let user: Int
        let id: Int
        let info: String
        let start_time: Int64
        let end_time: Int64
        let coupon_code: String
        let amount: Int64
    }

    init(_ row: Row) {
        user = row.user
        id = row.id
        info = row.info
        start_time = Instant(row.start_time)
        end_time = Instant(row.end_time)
        coupon_code = row.coupon_code
        amount = Money(cents: row.amount)
    }
}

/// A wished campus (A2): `{id, name, info, create_time}`.
struct StudentCampus: Encodable, Sendable {
    let id: Int
    let name: String
    let info: String
    let create_time: Instant

    struct Row: Decodable {
        let id: Int
        let name: String
        let info: String
        let create_time: Int64
    }

    /// Campus ids of the stored `wcampus` text: a JSON array of integers or numeric strings; nil for
    /// anything else (free text, `''`, other elements, not an array).
    static func ids(in text: String) -> [Int]? {
        guard let data = text.data(using: .utf8), let value = try? JSONDecoder().decode(JSONValue.self, from: data),
              case .array(let items) = value
        else { return nil }
        var ids: [Int] = []
        for item in items {
            switch item {
            case .int(let number): ids.append(Int(number))
            case .string(let text):
                guard let number = Int(text) else { return nil }
                ids.append(number)
            default: return nil
            }
        }
        return ids
    }
}

/// The student detail (A2). Not returned: `wcountry` (DV-1), phone, openid and the other columns.
struct StudentDetail: Encodable, Sendable {
    let user_id: Int
    let name: String
    let email: String
    @Nullable var first_name: String?
    @Nullable var last_name: String?
    @Nullable var gender: ProfileGender?
    @Nullable var id_number: String?
    let wechat: String
    let cschool: String
    @Nullable var wcampus: [StudentCampus]?
    @Nullable var major: String?
    @Nullable var graduate_year: String?
    @Nullable var gpa: Double?
    let user_info_remark: [StudentRemark]
    /// null, not `[]`, when the student has no usable coupon.
    @Nullable var user_coupon: [StudentCoupon]?
    @Nullable var channel: StudentChannel?
    @Nullable var sales_man: ConsultantView?

    typealias Row = StudentProfileRow
}

/// One course-confirmation record (A4). `syllabus` stays as an always-null key (DV-6, decision 24).
struct StudentConfirmCourse: Encodable, Sendable {
    let syllabus: Nullable<String>
    @Nullable var confirm_img: String?
    @Nullable var status: Choice?
    let user: Int
    let project: Project
    let course: Course

    struct Project: Encodable, Sendable {
        let id: Int
        @Nullable var name: String?
    }

    struct Course: Encodable, Sendable {
        let id: Int
        let name: String
        let course_code: String
    }

    struct Row: Decodable {
        let id: Int
        let user_id: Int
        let confirm_img: String?
        let status: String
        let project_id: Int
        let project_name: String?
        let course_id: Int
        let course_name: String
        let course_code: String
    }

    init(_ row: Row, mediaURL: (String) -> String) {
        syllabus = Nullable(wrappedValue: nil)
        confirm_img = row.confirm_img.flatMap { $0.isEmpty ? nil : mediaURL($0) }
        status = ChoiceSet.userCourseStatus.choice(row.status)
        user = row.user_id
        project = Project(id: row.project_id, name: row.project_name)
        course = Course(id: row.course_id, name: row.course_name, course_code: row.course_code)
    }
}

/// One score record (A5); start/end are the dates of the course's offering in the project, if any.
struct StudentScore: Encodable, Sendable {
    @Nullable var project_name: String?
    let course_code: String
    @Nullable var start_time: String?
    @Nullable var end_time: String?
    let score: Int
    @Nullable var score_grade: String?
    let user: Int
    let order: Int
    let course: Int

    struct Row: Decodable {
        let id: Int
        let project_name: String?
        let course_code: String
        let start_time: String?
        let end_time: String?
        let score: Int
        let score_grade: String?
        let user_id: Int
        let order_id: Int
        let course_id: Int
    }

    init(_ row: Row) {
        project_name = row.project_name
        course_code = row.course_code
        start_time = row.start_time
        end_time = row.end_time
        score = row.score
        score_grade = row.score_grade
        user = row.user_id
        order = row.order_id
        course = row.course_id
    }
}
