/// Account roles (identity §2.1); stored as the key.
public enum Role: String, CaseIterable, Sendable {
    case student = "STUDENT"
    case admin = "ADMIN"
    case market = "MARKET"
    case product = "PRODUCT"
    case finance = "FINANCE"

    public var isStaff: Bool { self != .student }
}

/// Who may call an endpoint (conventions §7, decisions 9/36).
public struct Access: Sendable {
    /// false = login-exempt: a presented valid ticket is still resolved.
    public var requiresLogin: Bool
    /// nil = every logged-in role.
    public var roles: Set<Role>?

    public init(requiresLogin: Bool, roles: Set<Role>?) {
        self.requiresLogin = requiresLogin
        self.roles = roles
    }

    /// Login-exempt (password login, WeChat sign-in, media).
    public static let open = Access(requiresLogin: false, roles: nil)
    /// Any logged-in user, students included.
    public static let loggedIn = Access(requiresLogin: true, roles: nil)
    /// Any role except STUDENT.
    public static let staff = Access(requiresLogin: true, roles: Set(Role.allCases.filter(\.isStaff)))
    /// ADMIN only.
    public static let admin = Access(requiresLogin: true, roles: [.admin])

    public static func roles(_ roles: Role...) -> Access { Access(requiresLogin: true, roles: Set(roles)) }
}
