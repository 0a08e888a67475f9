import RegistrarCore

/// The fixed staff roles (§1.12) and the "manages" relation (上级主管).
public enum Role {
    /// Code → Chinese name, ascending by code.
    public static let names: [(code: Int, name: String)] = [
        (1, "超级管理员"), (2, "总经理"), (3, "销售主管"), (4, "售后主管"), (5, "销售专员"), (6, "售后专员"), (7, "财务人员"),
    ]

    public static let codes: ClosedRange<Int> = 1...7

    public static func name(of code: Int) -> String {
        names.first { $0.code == code }?.name ?? ""
    }

    /// Whether an actor of role `actor` manages role `target` (1 → 1–7, 2 → 3–7, 3 → 5, 4 → 6).
    /// Role 1 managing role 1 concerns other staff only; "nobody acts on themselves" is checked by callers.
    public static func manages(_ actor: Int, _ target: Int) -> Bool {
        switch actor {
        case 1: return (1...7).contains(target)
        case 2: return (3...7).contains(target)
        case 3: return target == 5
        case 4: return target == 6
        default: return false
        }
    }
}

/// Endpoint role gates of the permission matrix (§5): a ✗ cell gives 403 `没有权限` with an empty field name.
public enum RoleGate {
    /// staff/add, staff/delete, teacher/add, teacher/delete.
    public static let managers: Set<Int> = [1, 2, 3, 4]
    /// order/delete, lesson/delete.
    public static let orderEditors: Set<Int> = [1, 2, 3, 5]
    /// order/confirm.
    public static let confirmers: Set<Int> = [1, 2, 7]

    public static let denied = AppError(code: 403, msg: "没有权限")
}

extension CurrentStaff {
    /// Throws 403 `没有权限` unless the caller's current role is in `roles`.
    public func require(_ roles: Set<Int>) throws {
        guard roles.contains(role) else { throw RoleGate.denied }
    }
}
