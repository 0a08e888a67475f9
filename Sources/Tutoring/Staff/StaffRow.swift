import SQLKit

/// A `tutoring_staff` row as the staff and user endpoints read it.
struct StaffRow: Decodable, Sendable {
    let id: Int
    let name: String
    let phone: String
    let password_hash: String
    let role: StaffRole
    let create_time: Int
}

/// The `{staffID, name, phone, roler, rolerCode, …}` shape of user/info and staff/info items.
struct StaffItem: Encodable, Sendable {
    let staffID: Int
    let name: String
    let phone: String
    let roler: String
    let rolerCode: Int
    let createTime: Int?

    init(_ row: StaffRow, includesCreateTime: Bool) {
        staffID = row.id
        name = row.name
        phone = row.phone
        roler = row.role.name
        rolerCode = row.role.rawValue
        createTime = includesCreateTime ? row.create_time : nil
    }
}
