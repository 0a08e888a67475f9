import RegistrarCore

/// Builds a deterministic data set from a `DemoProfile` (rules: shared/benchmarks/tutoring-profile.md).
struct DemoGenerator {
    typealias V = DemoVocabulary

    /// The last moment of the generated period (fixed, so that the same seed gives the same rows).
    static let periodEnd = 1_730_419_200  // 2024-11-01 UTC
    static let periodLength = 730 * DemoCalendar.day
    /// Roles of staff 2…S, cycling.
    static let roleCycle: [StaffRole] = [
        .salesAgent, .serviceAgent, .salesAgent, .serviceAgent, .salesAgent, .serviceAgent, .salesManager, .serviceManager,
        .finance, .generalManager,
    ]

    let profile: DemoProfile
    /// First free ID of each table (the tables may already hold rows, e.g. an operator's admin).
    let firstStaffID: Int
    /// Names and phones of live staff already stored, which the generated staff must not reuse.
    let takenStaffNames: Set<String>
    let takenStaffPhones: Set<String>
    let adminPasswordHash: String
    let staffPasswordHash: String

    private var rng: SplitMix64
    private var staffNames: Set<String> = []
    private var teacherNames: Set<String> = []
    private var phones: Set<String> = []

    init(profile: DemoProfile, firstStaffID: Int, takenStaffNames: Set<String>, takenStaffPhones: Set<String>,
         adminPasswordHash: String, staffPasswordHash: String) {
        self.profile = profile
        self.firstStaffID = firstStaffID
        self.takenStaffNames = takenStaffNames
        self.takenStaffPhones = takenStaffPhones
        self.adminPasswordHash = adminPasswordHash
        self.staffPasswordHash = staffPasswordHash
        self.rng = SplitMix64(seed: profile.seed)
        self.staffNames = takenStaffNames
        self.phones = takenStaffPhones
    }

    static var periodStart: Int { periodEnd - periodLength }

    mutating func generate() -> DemoDataSet {
        var set = DemoDataSet()
        set.staff = makeStaff()
        let byRole = Dictionary(grouping: set.staff, by: \.role).mapValues { $0.map(\.id) }
        func ids(_ roles: StaffRole...) -> [Int] { roles.flatMap { byRole[$0.rawValue] ?? [] } }
        let reviewers = ids(.superAdmin, .generalManager, .salesManager, .serviceManager)
        let salers = ids(.salesAgent, .salesManager), headmasters = ids(.serviceAgent, .serviceManager), confirmers = ids(.finance)
        let adminID = firstStaffID

        set.teachers = makeTeachers(contacts: set.staff.map(\.id), reviewers: reviewers)
        set.students = makeStudents(headmasters: headmasters, developers: salers, deleter: adminID)
        (set.orders, set.lessons) = makeOrders(
            students: set.students, teachers: set.teachers, salers: salers, confirmers: confirmers, deleter: adminID)

        // A student with a confirmed order has paid: state 0 (已缴费正式成为学员).
        for order in set.orders where order.state == OrderState.confirmed.rawValue {
            set.students[order.studentId - 1].state = StudentState.enrolled.rawValue
        }

        set.followups = makeFollowups(students: set.students, staff: salers + headmasters)
        set.appointments = makeAppointments(
            students: set.students, lessons: set.lessons, teachers: set.teachers, matchers: headmasters + salers)
        return set
    }

    // MARK: Staff and teachers

    private mutating func makeStaff() -> [DemoStaff] {
        let created = Self.periodStart - 30 * DemoCalendar.day
        var rows: [DemoStaff] = []
        for index in 0..<profile.staff {
            let role = (index == 0 ? StaffRole.superAdmin : Self.roleCycle[(index - 1) % Self.roleCycle.count]).rawValue
            var name = index == 0 ? "admin" : uniqueStaffName()
            if index == 0 {
                if takenStaffNames.contains(name) { name = "demoadmin" }
                staffNames.insert(name)
            }
            rows.append(DemoStaff(
                id: firstStaffID + index, name: name, phone: uniquePhone(), passwordHash: index == 0 ? adminPasswordHash : staffPasswordHash,
                role: role, createTime: created + index * 600, updateTime: created + index * 600))
        }
        return rows
    }

    private mutating func makeTeachers(contacts: [Int], reviewers: [Int]) -> [DemoTeacher] {
        let firstCreated = Self.periodStart - 60 * DemoCalendar.day
        var rows: [DemoTeacher] = []
        for index in 0..<profile.teachers {
            let age = rng.int(22...60)
            let created = firstCreated + index * (60 * DemoCalendar.day / max(profile.teachers, 1))
            let state = [1, 2, 3, 4][rng.weighted([10, 40, 45, 5])]
            var intro = ""
            for _ in 0..<rng.int(2...4) { intro += rng.pick(V.introPhrases) }
            rows.append(DemoTeacher(
                id: index + 1, name: uniqueTeacherName(), phone: uniquePhone(), sex: rng.chance(50) ? "男" : "女",
                age: age, photo: "/uploads/teachers/\(String(repeating: "0", count: max(0, 6 - String(index + 1).count)))\(index + 1).jpg",
                teachAge: rng.int(0...min(age - 22, 35)), subject: rng.pick(V.subjects), postSchool: school(),
                grade: rng.pick(V.teacherGrades), address: teacherAddress(), hometown: rng.pick(V.provinces),
                classType: rng.pick(V.classTypes), preprice: rng.int(10...50) * 10,
                freeTime: rng.chance(50) ? rng.pick(V.freeTimes) : "", zone: rng.chance(50) ? rng.pick(V.districts) : "",
                org: rng.chance(50) ? rng.pick(V.orgs) : "", teachIntro: String(intro.dropLast()) + "。",
                infoFrom: rng.pick(V.infoFroms), contactId: rng.pick(contacts), recommendTeacher: "",
                assessment: rng.chance(20) ? "" : rng.pick(V.assessments), state: state,
                reviewerId: rng.pick(reviewers), reviewTime: created + rng.int(1...72) * 3600,
                createTime: created, updateTime: created))
        }
        return rows
    }

    // MARK: Students

    private mutating func makeStudents(headmasters: [Int], developers: [Int], deleter: Int) -> [DemoStudent] {
        var rows: [DemoStudent] = []
        rows.reserveCapacity(profile.students)
        for index in 0..<profile.students {
            let created = studentTime(index)
            let surname = rng.pick(V.surnames)
            let name = surname + givenName()
            let hasParent = rng.chance(80)
            let deleted = rng.chance(1)
            rows.append(DemoStudent(
                id: index + 1, name: name, phone: randomPhone(), school: school(), grade: rng.pick(V.studentGrades),
                address: rng.chance(70) ? studentAddress() : "",
                parent: hasParent ? surname + givenName() : "", parentPhone: hasParent ? randomPhone() : "",
                headmasterId: rng.chance(70) ? rng.pick(headmasters) : nil, channel: rng.chance(90) ? rng.pick(V.channels) : "",
                developerId: rng.chance(90) ? rng.pick(developers) : nil, level: rng.int(0...5),
                state: rng.weighted([20, 30, 15, 10, 15, 10]), createTime: created, updateTime: created,
                deletedAt: deleted ? created + rng.int(1...30) * DemoCalendar.day : nil, deletedBy: deleted ? deleter : nil))
        }
        return rows
    }

    /// Students are created evenly over the period, in ID order.
    private func studentTime(_ index: Int) -> Int {
        Self.periodStart + Int(Int64(index) * Int64(Self.periodLength) / Int64(max(profile.students, 1)))
    }

    // MARK: Orders and lessons

    private mutating func makeOrders(students: [DemoStudent], teachers: [DemoTeacher], salers: [Int], confirmers: [Int], deleter: Int)
        -> ([DemoOrder], [DemoLesson])
    {
        let teachable = teachers.filter { $0.state == 2 || $0.state == 3 }
        let teacherPool = teachable.isEmpty ? teachers : teachable
        // Orders start once a few students exist, so each has a student created before it.
        let firstOrder = studentTime(min(9, profile.students - 1)) + 1
        let span = Self.periodEnd - firstOrder
        var orders: [DemoOrder] = []
        var lessons: [DemoLesson] = []
        orders.reserveCapacity(profile.orders)
        for index in 0..<profile.orders {
            let created = firstOrder + Int(Int64(index) * Int64(span) / Int64(max(profile.orders, 1)))
            let student = liveStudent(before: created, in: students)
            let state = [OrderState.submitted, .confirmed, .cancelled][rng.weighted([45, 50, 5])].rawValue
            let confirmed = state == OrderState.confirmed.rawValue
            let deleted = !confirmed && rng.chance(2)
            let deletedAt: Int? = deleted ? created + rng.int(1...48) * 3600 : nil
            let confirmTime: Int? = confirmed ? created + rng.int(3600...3 * DemoCalendar.day) : nil
            var amount = 0
            for _ in 0..<[1, 2, 3][rng.weighted([50, 35, 15])] {
                let teacher = rng.pick(teacherPool)
                let allClass = rng.pick([10, 20, 30, 40, 60, 80])
                let consumed = confirmed ? rng.int(0...allClass) : 0
                let weekClass = rng.int(1...3)
                let start = created + rng.int(3...14) * DemoCalendar.day
                let end = start + (allClass + weekClass - 1) / weekClass * 7 * DemoCalendar.day
                let lessonState = (consumed == allClass ? LessonState.finished : (rng.chance(10) ? .suspended : .running)).rawValue
                amount += allClass * teacher.preprice
                lessons.append(DemoLesson(
                    id: lessons.count + 1, orderId: index + 1, studentId: student, teacherId: teacher.id,
                    subject: rng.chance(90) ? teacher.subject : rng.pick(V.subjects), allClass: allClass, consumedClass: consumed,
                    weekClass: weekClass, firstClassDate: DemoCalendar.date(start), startDate: DemoCalendar.date(start),
                    endDate: DemoCalendar.date(end), address: "", classType: rng.pick(V.lessonClassTypes),
                    target: rng.pick(V.targets), parentDemand: rng.pick(V.parentDemands), studentDemand: rng.pick(V.studentDemands),
                    program: rng.pick(V.programs), preprice: teacher.preprice, state: lessonState, stateInfo: "",
                    createTime: created, updateTime: created, deletedAt: deletedAt, deletedBy: deleted ? deleter : nil))
            }
            orders.append(DemoOrder(
                id: index + 1, studentId: student, payMethod: rng.pick(V.payMethods), amount: amount, salerId: rng.pick(salers),
                state: state, confirmedBy: confirmed ? rng.pick(confirmers) : nil, confirmTime: confirmTime,
                createTime: created, updateTime: confirmTime ?? created, deletedAt: deletedAt, deletedBy: deleted ? deleter : nil))
        }
        return (orders, lessons)
    }

    /// A random live student created before `time`.
    private mutating func liveStudent(before time: Int, in students: [DemoStudent]) -> Int {
        let createdBefore = Int(Int64(time - Self.periodStart) * Int64(students.count) / Int64(Self.periodLength)) + 1
        let bound = min(max(createdBefore, 1), students.count)
        for _ in 0..<64 {
            let candidate = students[rng.int(0...bound - 1)]
            if candidate.deletedAt == nil { return candidate.id }
        }
        return students.first { $0.deletedAt == nil }?.id ?? 1
    }

    // MARK: Follow-ups and appointments (demo profile only)

    private mutating func makeFollowups(students: [DemoStudent], staff: [Int]) -> [DemoFollowup] {
        var rows: [DemoFollowup] = []
        for student in students.suffix(profile.followupStudents) where student.deletedAt == nil {
            for step in 0..<rng.int(1...4) {
                let time = student.createTime + (step + 1) * rng.int(1...5) * DemoCalendar.day / 2
                rows.append(DemoFollowup(
                    id: rows.count + 1, studentId: student.id, staffId: student.developerId ?? rng.pick(staff),
                    content: rng.pick(V.followupPhrases), createTime: time, updateTime: time))
            }
        }
        return rows
    }

    private mutating func makeAppointments(students: [DemoStudent], lessons: [DemoLesson], teachers: [DemoTeacher], matchers: [Int])
        -> [DemoAppointment]
    {
        guard profile.appointmentStudents > 0 else { return [] }
        // A trial that became a deal (state 2) consumed a class of a lesson of the same student.
        var consumedLesson: [Int: DemoLesson] = [:]
        for lesson in lessons where lesson.deletedAt == nil && lesson.consumedClass > 0 { consumedLesson[lesson.studentId] = lesson }
        var rows: [DemoAppointment] = []
        for student in students.suffix(profile.appointmentStudents * 2) where student.deletedAt == nil {
            guard rows.count < profile.appointmentStudents else { break }
            let lesson = consumedLesson[student.id]
            let state = (lesson != nil ? AppointmentState.deal : [.booked, .abandoned, .noDeal][rng.weighted([60, 20, 20])]).rawValue
            let teacher = lesson.map { $0.teacherId } ?? rng.pick(teachers).id
            let created = student.createTime + rng.int(1...7) * DemoCalendar.day
            rows.append(DemoAppointment(
                id: rows.count + 1, studentId: student.id, lessonId: lesson?.id, teacherId: teacher,
                subject: lesson?.subject ?? rng.pick(V.subjects), trialDate: DemoCalendar.date(created + 3 * DemoCalendar.day),
                trialTime: rng.pick(V.trialTimes), location: student.address.isEmpty ? "公司教学点" : student.address,
                matcherId: rng.pick(matchers), state: state, stateInfo: state == AppointmentState.abandoned.rawValue ? "家长临时有事" : "",
                classConsumed: lesson != nil, createTime: created, updateTime: created))
        }
        return rows
    }

    // MARK: Words

    private mutating func givenName() -> String {
        rng.chance(30) ? rng.pick(V.givenCharacters) : rng.pick(V.givenCharacters) + rng.pick(V.givenCharacters)
    }

    private mutating func uniqueStaffName() -> String {
        while true {
            let name = rng.pick(V.surnames) + givenName()
            if staffNames.insert(name).inserted { return name }
        }
    }

    private mutating func uniqueTeacherName() -> String {
        while true {
            let name = rng.pick(V.surnames) + givenName()
            if teacherNames.insert(name).inserted { return name }
        }
    }

    private mutating func randomPhone() -> String {
        "1\(rng.int(3...9))\(String(rng.int(0...999_999_999) + 1_000_000_000).dropFirst())"
    }

    private mutating func uniquePhone() -> String {
        while true {
            let phone = randomPhone()
            if phones.insert(phone).inserted { return phone }
        }
    }

    private mutating func school() -> String {
        rng.chance(30) ? rng.pick(V.universities) : rng.pick(V.schoolPrefixes) + rng.pick(V.schoolOrdinals) + rng.pick(V.schoolKinds)
    }

    private mutating func studentAddress() -> String {
        "北京市\(rng.pick(V.districts))\(rng.pick(V.roads))\(rng.int(1...99))号院\(rng.int(1...20))号楼\(rng.int(1...6))单元\(rng.int(1...30) * 100 + rng.int(1...4))室"
    }

    private mutating func teacherAddress() -> String {
        let base = "北京市\(rng.pick(V.districts))\(rng.pick(V.roads))\(rng.int(1...199))号\(rng.pick(["小区", "家园", "花园"]))"
        return base + "\(rng.int(1...20))号楼\(rng.int(1...6))单元\(rng.int(1...30) * 100 + rng.int(1...4))室"
    }
}
