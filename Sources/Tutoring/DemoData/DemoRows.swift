/// Rows as the demo generator inserts them (property names map to columns by snake_case conversion).
struct DemoStaff: Encodable, Sendable {
    var id: Int
    var name: String
    var phone: String
    var passwordHash: String
    var role: Int
    var createTime: Int
    var updateTime: Int
}

struct DemoTeacher: Encodable, Sendable {
    var id: Int
    var name: String
    var phone: String
    var sex: String
    var age: Int
    var photo: String
    var teachAge: Int
    var subject: String
    var postSchool: String
    var grade: String
    var address: String
    var hometown: String
    var classType: String
    var preprice: Int
    var freeTime: String
    var zone: String
    var org: String
    var teachIntro: String
    var infoFrom: String
    var contactId: Int
    var recommendTeacher: String
    var assessment: String
    var state: Int
    var reviewerId: Int?
    var reviewTime: Int?
    var createTime: Int
    var updateTime: Int
}

struct DemoStudent: Encodable, Sendable {
    var id: Int
    var name: String
    var phone: String
    var school: String
    var grade: String
    var address: String
    var parent: String
    var parentPhone: String
    var headmasterId: Int?
    var channel: String
    var developerId: Int?
    var level: Int
    var state: Int
    var createTime: Int
    var updateTime: Int
    var deletedAt: Int?
    var deletedBy: Int?
}

struct DemoOrder: Encodable, Sendable {
    var id: Int
    var studentId: Int
    var payMethod: String
    var amount: Int
    var salerId: Int
    var state: Int
    var confirmedBy: Int?
    var confirmTime: Int?
    var createTime: Int
    var updateTime: Int
    var deletedAt: Int?
    var deletedBy: Int?
}

struct DemoLesson: Encodable, Sendable {
    var id: Int
    var orderId: Int
    var studentId: Int
    var teacherId: Int
    var subject: String
    var allClass: Int
    var consumedClass: Int
    var weekClass: Int
    var firstClassDate: String?
    var startDate: String?
    var endDate: String?
    var address: String
    var classType: String
    var target: String
    var parentDemand: String
    var studentDemand: String
    var program: String
    var preprice: Int
    var state: Int
    var stateInfo: String
    var createTime: Int
    var updateTime: Int
    var deletedAt: Int?
    var deletedBy: Int?
}

struct DemoFollowup: Encodable, Sendable {
    var id: Int
    var studentId: Int
    var staffId: Int
    var content: String
    var createTime: Int
    var updateTime: Int
}

struct DemoAppointment: Encodable, Sendable {
    var id: Int
    var studentId: Int
    var lessonId: Int?
    var teacherId: Int
    var subject: String
    var trialDate: String
    var trialTime: String
    var location: String
    var matcherId: Int
    var state: Int
    var stateInfo: String
    var classConsumed: Bool
    var createTime: Int
    var updateTime: Int
}

/// Everything one generator run produces.
struct DemoDataSet: Sendable {
    var staff: [DemoStaff] = []
    var teachers: [DemoTeacher] = []
    var students: [DemoStudent] = []
    var orders: [DemoOrder] = []
    var lessons: [DemoLesson] = []
    var followups: [DemoFollowup] = []
    var appointments: [DemoAppointment] = []
}
