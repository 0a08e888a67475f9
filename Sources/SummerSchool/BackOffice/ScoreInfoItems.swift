/// A student's transcript mailing address as the back office shows it (B1): no `id`.
struct ScoreInfo: Codable, Sendable {
    let user: Int
    let department: String
    let phone: String
    let country: String
    let post_code: String
    let address: String

    static let columns = "user_id AS \"user\", department, phone, country, post_code, address"

    /// What a user without a stored address sees (nothing is inserted on read, DV-7).
    static func empty(user: Int) -> ScoreInfo {
        ScoreInfo(user: user, department: "", phone: "", country: "", post_code: "", address: "")
    }
}

/// The validated body of B2, in declared order; PUT requires every field, PATCH none.
struct ScoreInfoFields: Sendable {
    let department: Field<String>
    let phone: Field<String>
    let country: Field<String>
    let postCode: Field<String>
    let address: Field<String>

    init(_ input: FieldReader) throws {
        department = try input.string("department", max: 30)
        phone = try input.string("phone", max: 30)
        country = try input.string("country", max: 30)
        postCode = try input.string("post_code", max: 30)
        address = try input.string("address", max: 60)
    }
}

/// A student's first mailing address; fields not sent are stored empty.
struct NewScoreInfo: Encodable, Sendable {
    let userId: Int
    let department: String
    let phone: String
    let country: String
    let postCode: String
    let address: String
}
