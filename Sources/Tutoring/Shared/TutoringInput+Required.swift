import RegistrarCore

/// Readers of fields that must be supplied: they return the value itself. A missing value is `…不能为空`,
/// the same error the optional readers give with `.required`.
extension TutoringInput {
    public func requiredName(_ name: String, _ label: String) throws -> String {
        try supplied(self.name(name, label, .required), name, label)
    }

    public func requiredText(_ name: String, _ label: String, max: Int = 500) throws -> String {
        try supplied(text(name, label, max: max, .required), name, label)
    }

    public func requiredSubject(_ name: String, _ label: String) throws -> String {
        try supplied(subject(name, label, .required), name, label)
    }

    public func requiredDate(_ name: String, _ label: String) throws -> String {
        try supplied(date(name, label, .required), name, label)
    }

    public func requiredTimeRange(_ name: String, _ label: String) throws -> String {
        try supplied(timeRange(name, label, .required), name, label)
    }

    public func requiredPhone(_ name: String, _ label: String) throws -> String {
        try supplied(phone(name, label, .required), name, label)
    }

    public func requiredInt(_ name: String, _ label: String, _ range: ClosedRange<Int>) throws -> Int {
        try supplied(int(name, label, range, .required), name, label)
    }

    public func requiredUInt(_ name: String, _ label: String) throws -> Int {
        try supplied(uint(name, label, .required), name, label)
    }

    /// `id` that must be supplied.
    public func requiredID(_ name: String, _ label: String) throws -> Int {
        try supplied(id(name, label, .required), name, label)
    }

    public func requiredArray(_ name: String, _ label: String) throws -> [JSONValue] {
        try supplied(array(name, label, .required), name, label)
    }

    /// A staff role code (`enum{1..7}`), else `取值无效`.
    public func role(_ name: String, _ label: String, _ presence: Presence = .optional) throws -> StaffRole? {
        guard let code = try enumeration(name, label, 1...StaffRole.allCases.count, presence) else { return nil }
        guard let role = StaffRole(rawValue: code) else { throw invalid(name, label) }
        return role
    }

    public func requiredRole(_ name: String, _ label: String) throws -> StaffRole {
        try supplied(role(name, label, .required), name, label)
    }

    private func supplied<Value>(_ value: Value?, _ name: String, _ label: String) throws -> Value {
        guard let value else { throw empty(name, label) }
        return value
    }
}
