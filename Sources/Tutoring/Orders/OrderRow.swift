import SQLKit

/// An order's own columns with its student's and saler's names (order/list and order/info).
struct OrderRow: Decodable, Sendable {
    var orderID: Int
    var studentID: Int
    var name: String
    var phone: String
    var amount: Int
    var payMethod: String
    var salerID: Int
    var saler: String
    var state: Int
    var confirmer: String
    var confirmTime: Int
    var createTime: Int

    /// Columns of `tutoring_orders o` and the joins of `OrderRow.joins`.
    static let columns = SQLQueryString("""
        o.id AS "orderID", o.student_id AS "studentID", COALESCE(s.name, '') AS name, COALESCE(s.phone, '') AS phone,
        o.amount, o.pay_method AS "payMethod", o.saler_id AS "salerID", COALESCE(sa.name, '') AS saler, o.state,
        COALESCE(c.name, '') AS confirmer, COALESCE(o.confirm_time, 0) AS "confirmTime", o.create_time AS "createTime"
        """)
    static let joins = SQLQueryString("""
        LEFT JOIN tutoring_student s ON s.id = o.student_id
        LEFT JOIN tutoring_staff sa ON sa.id = o.saler_id
        LEFT JOIN tutoring_staff c ON c.id = o.confirmed_by
        """)
}

/// A live lesson of an order with its teacher's name, phone and teaching age, read from the same row as its
/// order (`OrderRow.withLessons`): the aliases differ from the order's own `name`, `phone` and `state`.
struct OrderLessonRow: Decodable, Sendable {
    var lessonID: Int
    var teacherID: Int
    var name: String
    var teachAge: Int
    var phone: String
    var subject: String
    var allClass: Int
    var consumedClass: Int
    var preprice: Int
    var classType: String
    var state: Int

    enum CodingKeys: String, CodingKey {
        case lessonID, teacherID, name = "teacherName", teachAge = "teacherTeachAge", phone = "teacherPhone"
        case subject = "lessonSubject", allClass, consumedClass, preprice = "lessonPreprice", classType, state = "lessonState"
    }

    /// Columns of `tutoring_lesson l` and `tutoring_teacher t` (all NULL when the order has no live lesson).
    static let columns = SQLQueryString("""
        l.id AS "lessonID", l.teacher_id AS "teacherID", t.name AS "teacherName", t.teach_age AS "teacherTeachAge",
        t.phone AS "teacherPhone", l.subject AS "lessonSubject", l.all_class AS "allClass", l.consumed_class AS "consumedClass",
        l.preprice AS "lessonPreprice", l.class_type AS "classType", l.state AS "lessonState"
        """)
}

extension OrderRow {
    /// Orders with their live lessons in one query: one result row per lesson (lessonID ascending within an
    /// order), or one row with NULL lesson columns for an order without a live lesson. `condition` selects
    /// the orders (of `o`); `total`, a scalar subquery, is read beside them as `total`.
    static func withLessons(where condition: SQLQueryString, total: SQLQueryString? = nil) -> SQLQueryString {
        let totalColumn: SQLQueryString = total.map { ", \($0) AS total" } ?? ""
        return """
        SELECT \(columns), \(OrderLessonRow.columns)\(totalColumn)
        FROM tutoring_orders o \(joins)
        LEFT JOIN tutoring_lesson l ON l.order_id = o.id AND l.deleted_at IS NULL
        LEFT JOIN tutoring_teacher t ON t.id = l.teacher_id
        WHERE \(condition)
        ORDER BY o.id DESC, l.id ASC
        """
    }

    /// Groups `withLessons` rows into (order, lessons), keeping the query's order.
    static func grouping(_ rows: [any SQLRow]) throws -> [(order: OrderRow, lessons: [OrderLessonRow])] {
        var orders: [(order: OrderRow, lessons: [OrderLessonRow])] = []
        for row in rows {
            let id = try row.decode(column: "orderID", as: Int.self)
            if orders.last?.order.orderID != id { orders.append((try row.decode(model: OrderRow.self), [])) }
            if try row.decodeNil(column: "lessonID") { continue }
            orders[orders.count - 1].lessons.append(try row.decode(model: OrderLessonRow.self))
        }
        return orders
    }
}

/// A lesson of order/list or order/info (§2.8.1, §2.8.2). The two shapes differ only in that order/info adds
/// `teacherID` and keeps the seed's `teacheAge` spelling where order/list has `teachAge`.
struct OrderLessonItem: Encodable, Sendable {
    enum Shape: Sendable { case list, info }

    let row: OrderLessonRow
    let shape: Shape

    private enum Key: String, CodingKey {
        case lessonID, teacherID, name, teachAge, teacheAge, phone, subject, allClass, consumedClass, preprice, classType, state
    }

    func encode(to encoder: any Encoder) throws {
        var out = encoder.container(keyedBy: Key.self)
        try out.encode(row.lessonID, forKey: .lessonID)
        if shape == .info { try out.encode(row.teacherID, forKey: .teacherID) }
        try out.encode(row.name, forKey: .name)
        try out.encode(row.teachAge, forKey: shape == .info ? .teacheAge : .teachAge)
        try out.encode(row.phone, forKey: .phone)
        try out.encode(row.subject, forKey: .subject)
        try out.encode(row.allClass, forKey: .allClass)
        try out.encode(row.consumedClass, forKey: .consumedClass)
        try out.encode(row.preprice, forKey: .preprice)
        try out.encode(row.classType, forKey: .classType)
        try out.encode(row.state, forKey: .state)
    }
}

/// order/list item (§2.8.1).
struct OrderListItem: Encodable, Sendable {
    var orderID: Int
    var studentID: Int
    var name: String
    var phone: String
    var amount: Int
    var salerID: Int
    var saler: String
    var state: Int
    var createTime: Int
    var lesson: [OrderLessonItem]

    init(_ row: OrderRow, lessons: [OrderLessonRow]) {
        orderID = row.orderID
        studentID = row.studentID
        name = row.name
        phone = row.phone
        amount = row.amount
        salerID = row.salerID
        saler = row.saler
        state = row.state
        createTime = row.createTime
        lesson = lessons.map { OrderLessonItem(row: $0, shape: .list) }
    }
}

/// order/info (§2.8.2).
struct OrderInfo: Encodable, Sendable {
    var orderID: Int
    var studentID: Int
    var name: String
    var phone: String
    var amount: Int
    var payMethod: String
    var salerID: Int
    var saler: String
    var state: Int
    var confirmer: String
    var confirmTime: Int
    var createTime: Int
    var lesson: [OrderLessonItem]

    init(_ row: OrderRow, lessons: [OrderLessonRow]) {
        orderID = row.orderID
        studentID = row.studentID
        name = row.name
        phone = row.phone
        amount = row.amount
        payMethod = row.payMethod
        salerID = row.salerID
        saler = row.saler
        state = row.state
        confirmer = row.confirmer
        confirmTime = row.confirmTime
        createTime = row.createTime
        lesson = lessons.map { OrderLessonItem(row: $0, shape: .info) }
    }
}
