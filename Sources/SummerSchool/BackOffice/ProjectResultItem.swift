import RegistrarCore
import SQLKit

/// The credit-transfer columns of a course record with the student's profile (back office §4 F).
struct ProjectResultRow: Decodable, Sendable {
    let id: Int
    let post_datetime: Int64?
    let post_channel: String?
    let post_number: String?
    let credit_switch_status: String
    let switch_img: String?
    let info_id: Int?
    let info_name: String?
    let info_email: String?
    let info_wechat: String?

    static let select = """
        SELECT uc.id, uc.post_datetime, uc.post_channel, uc.post_number, uc.credit_switch_status, uc.switch_img, \
        si.id AS info_id, si.name AS info_name, si.email AS info_email, si.wechat AS info_wechat \
        FROM summer_user_course uc LEFT JOIN summer_student_info si ON si.user_id = uc.user_id
        """

    /// Record `id` when it is `userID`'s.
    static func find(_ id: Int, userID: Int, on sql: any SQLDatabase) async throws -> ProjectResultRow? {
        try await sql.raw("\(unsafeRaw: select) WHERE uc.id = \(bind: id) AND uc.user_id = \(bind: userID)")
            .first(decoding: ProjectResultRow.self)
    }

    /// `userID`'s newest record.
    static func newest(userID: Int, on sql: any SQLDatabase) async throws -> ProjectResultRow? {
        try await sql.raw("\(unsafeRaw: select) WHERE uc.user_id = \(bind: userID) ORDER BY uc.id DESC LIMIT 1")
            .first(decoding: ProjectResultRow.self)
    }
}

/// CREDIT_SWITCH: `status` is the credit-transfer status and `img` its proof (DV-15), not the review columns.
struct ProjectResultItem: Encodable, Sendable {
    struct UserInfo: Encodable, Sendable {
        let id: Int
        let name: String
        let email: String
        let wechat: String
    }

    let id: Int
    let post_datetime: Instant
    @Nullable var post_channel: String?
    @Nullable var post_number: String?
    @Nullable var status: Choice?
    @Nullable var img: String?
    @Nullable var user_info: UserInfo?

    init(_ row: ProjectResultRow, mediaURL: (String) -> String) {
        id = row.id
        post_datetime = Instant(row.post_datetime)
        post_channel = row.post_channel
        post_number = row.post_number
        status = ChoiceSet.creditSwitchStatus.choice(row.credit_switch_status)
        img = row.switch_img.flatMap { $0.isEmpty ? nil : mediaURL($0) }
        if let info = row.info_id {
            user_info = UserInfo(id: info, name: row.info_name ?? "", email: row.info_email ?? "", wechat: row.info_wechat ?? "")
        }
    }
}
