import RegistrarCore

/// The fixed staff roles (§1.12) and the "manages" relation (上级主管). Stored and sent as their codes.
public enum StaffRole: Int, CaseIterable, Codable, Sendable {
    case superAdmin = 1
    case generalManager = 2
    case salesManager = 3
    case serviceManager = 4
    case salesAgent = 5
    case serviceAgent = 6
    case finance = 7

    /// The Chinese name shown to clients (`roler`).
    public var name: String {
        switch self {
        case .superAdmin: return "超级管理员"
        case .generalManager: return "总经理"
        case .salesManager: return "销售主管"
        case .serviceManager: return "售后主管"
        case .salesAgent: return "销售专员"
        case .serviceAgent: return "售后专员"
        case .finance: return "财务人员"
        }
    }

    /// Whether this role manages `target` (1 → 1–7, 2 → 3–7, 3 → 5, 4 → 6). A super administrator managing
    /// another one concerns other staff only; "nobody acts on themselves" is checked by callers.
    public func manages(_ target: StaffRole) -> Bool {
        switch self {
        case .superAdmin: return true
        case .generalManager: return target.rawValue >= StaffRole.salesManager.rawValue
        case .salesManager: return target == .salesAgent
        case .serviceManager: return target == .serviceAgent
        case .salesAgent, .serviceAgent, .finance: return false
        }
    }

    /// Roles that may change another staff member's role (§5 C2).
    public var changesRoles: Bool { self == .superAdmin || self == .generalManager }
}
