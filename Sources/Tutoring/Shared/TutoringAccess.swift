import RegistrarCore

/// Who may call a tutoring route (§5), declared with the route: the router checks it before the handler
/// runs (401 without a live session, then 403 `没有权限` for a role outside the gate).
public enum TutoringAccess: Sendable, Hashable {
    /// No session needed (login).
    case `public`
    /// Any logged-in staff member.
    case anyStaff
    /// Only these roles; a target-dependent rule (§5 C1–C3) may refuse further inside the handler.
    case roles(Set<StaffRole>)

    /// staff/add, staff/delete, teacher/add, teacher/delete.
    public static let managers = roles([.superAdmin, .generalManager, .salesManager, .serviceManager])
    /// order/delete, lesson/delete.
    public static let orderEditors = roles([.superAdmin, .generalManager, .salesManager, .salesAgent])
    /// order/confirm.
    public static let confirmers = roles([.superAdmin, .generalManager, .finance])

    public static let denied = AppError(code: 403, msg: "没有权限")

    /// Whether a staff member of `role` passes the gate.
    public func admits(_ role: StaffRole) -> Bool {
        switch self {
        case .public, .anyStaff: return true
        case .roles(let roles): return roles.contains(role)
        }
    }
}
