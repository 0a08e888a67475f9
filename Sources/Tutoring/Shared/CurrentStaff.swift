/// The logged-in staff member of a request, read fresh from the staff row (§1.5: the role is never cached).
public struct CurrentStaff: Sendable, Decodable {
    public let id: Int
    public let name: String
    public let phone: String
    public let role: StaffRole
    /// The session that authenticated the request.
    public let sessionID: Int

    public var roleName: String { role.name }

    enum CodingKeys: String, CodingKey {
        case id = "staff_id", name, phone, role, sessionID = "session_id"
    }
}
