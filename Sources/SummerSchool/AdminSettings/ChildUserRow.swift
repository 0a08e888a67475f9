/// A staff account (`summer_user` with a role other than STUDENT) and its rendering (identity spec §9.2).
struct ChildUserRow: Decodable, Sendable {
    let id: Int
    let name: String?
    let username: String
    let is_active: Bool
    var qr_code: String?
    let role: String

    static let columns = "id, name, username, is_active, qr_code, role"
}

struct ChildUserItem: Encodable, Sendable {
    let id: Int
    @Nullable var name: String?
    let username: String
    let is_active: Bool
    @Nullable var qr_code: String?
    @Nullable var role: Choice?

    init(_ row: ChildUserRow) {
        id = row.id
        name = row.name
        username = row.username
        is_active = row.is_active
        qr_code = row.qr_code
        role = ChoiceSet.role.choice(row.role)
    }
}

/// A staff account as `POST /admin/child_user/` and `registrar create-admin summer` create it.
struct NewAccount: Encodable, Sendable {
    let username: String
    /// The password hash.
    let password: String
    let name: String?
    let role: String
    let isActive: Bool
    let isSuperuser = false
    let createTime: Int64
}
