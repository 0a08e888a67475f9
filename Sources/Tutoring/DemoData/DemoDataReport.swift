import RegistrarCore
import SQLKit

extension TutoringApp {
    /// Loads `profile` (idempotently: nothing happens when tutoring data exists), refreshes the planner's
    /// statistics, and returns the operator's report with the logins.
    public static func loadDemoData(database: RegistrarDatabase, profile: DemoProfile) async throws -> String {
        switch try await DemoDataLoader.load(profile: profile, database: database) {
        case .skipped:
            return "tutoring: data already present, demo data not loaded"
        case .loaded(let set):
            try await database.sql.raw(database.isSQLite ? "ANALYZE" : "VACUUM ANALYZE").run()
            return report(set)
        }
    }

    static func report(_ set: DemoDataSet) -> String {
        var lines = [
            "tutoring: loaded \(set.staff.count) staff, \(set.teachers.count) teachers, \(set.students.count) students, "
                + "\(set.followups.count) follow-ups, \(set.appointments.count) appointments, \(set.orders.count) orders, "
                + "\(set.lessons.count) lessons",
            "tutoring logins (name / password / role):",
        ]
        // The super administrator and the first staff member of every other role.
        var shown: Set<Int> = []
        for staff in set.staff where shown.insert(staff.role).inserted {
            let password = staff.role == StaffRole.superAdmin.rawValue ? DemoDataLoader.adminPassword : DemoDataLoader.staffPassword
            lines.append("  \(staff.name) / \(password) / \(StaffRole(rawValue: staff.role)?.name ?? "")")
        }
        lines.append("  (every other demo staff member also logs in with \(DemoDataLoader.staffPassword))")
        return lines.joined(separator: "\n")
    }
}
