/// How much demo data to generate, and from which seed: the same profile always yields the same rows.
public struct DemoProfile: Sendable {
    public var students: Int
    public var orders: Int
    public var teachers: Int
    public var staff: Int
    public var seed: UInt64
    /// Follow-up records and trial appointments for the newest leads (the benchmark profile has none).
    public var followupStudents: Int
    public var appointmentStudents: Int

    public init(students: Int, orders: Int, teachers: Int, staff: Int, seed: UInt64, followupStudents: Int = 0, appointmentStudents: Int = 0) {
        precondition(staff >= 10 && teachers >= 1 && students >= 1, "the demo needs staff of every role, a teacher and a student")
        self.students = students
        self.orders = orders
        self.teachers = teachers
        self.staff = staff
        self.seed = seed
        self.followupStudents = followupStudents
        self.appointmentStudents = appointmentStudents
    }

    /// What `registrar demo-data` loads: small enough to browse, with every state represented.
    public static let demo = DemoProfile(
        students: 300, orders: 120, teachers: 40, staff: 20, seed: 7, followupStudents: 150, appointmentStudents: 80)

    /// The data set of the tutoring benchmark (shared/benchmarks/tutoring-profile.md).
    public static let benchmark = DemoProfile(students: 100_000, orders: 20_000, teachers: 200, staff: 50, seed: 42)
}
