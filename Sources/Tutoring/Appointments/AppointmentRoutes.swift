import Hummingbird
import RegistrarCore
import SQLKit

/// §2.6: trial-lesson appointments (约课) and their state machine (§4.2).
struct AppointmentRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/appoint/list") { request, _ in try await list(request) }
        routes.post("/admin/appoint/add") { request, _ in try await add(request) }
        routes.put("/admin/appoint/update") { request, _ in try await update(request) }
        routes.delete("/admin/appoint/delete") { request, me in try await delete(request, me) }
    }

    static let notOwnLesson = AppError(code: 400, msg: "课程不属于该学生", fieldName: "lessionID")

    func list(_ request: Request) async throws -> Envelope<[AppointmentItem]> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        let sql = database.sql
        try await LiveRow.require(.student, id: studentID, field: "studentID", on: sql)
        let items = try await sql.raw("""
            \(unsafeRaw: AppointmentItem.select)
            WHERE a.student_id = \(bind: studentID) AND a.deleted_at IS NULL
            ORDER BY a.id DESC
            """).all(decoding: AppointmentItem.self)
        return Success.data(items)
    }

    func add(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let fields = try NewAppointmentFields(input)
        try await database.transaction { sql in
            // Locked, so a concurrent student/delete either sees this appointment (and cascades to it) or wins first.
            try await LiveRow.lock(.student, id: fields.studentID, field: "studentID", on: sql)
            let lessonOwner = try await liveLessonStudent(fields.lessionID, on: sql)
            try await LiveRow.require(.teacher, id: fields.teacherID, field: "teacherID", on: sql)
            try await LiveRow.require(.staff, id: fields.matcherID, field: "matcherID", on: sql)
            if let lessonOwner, lessonOwner != fields.studentID { throw Self.notOwnLesson }
            try await sql.insertRow(NewAppointment(fields, at: TutoringClock.now()), into: .appointment)
        }
        return Success.none()
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let appointID = try input.requiredID("appointID", "约课信息ID")
        let fields = try AppointmentFields(input)
        let state = try input.enumeration("state", "约课状态", 1...4).flatMap(AppointmentState.init(rawValue:))
        let stateInfo = try input.text("stateInfo", "状态说明")

        try await database.transaction { sql in
            let stored = try await LiveRow.fetch(.appointment, id: appointID, field: "appointID", as: StoredAppointment.self, on: sql)
            let storedLesson = stored.lesson_id ?? 0
            let lessonChanged = fields.lessionID.map { $0 != storedLesson } ?? false
            // Existence of changed references, in request-table order.
            let newLessonOwner = lessonChanged ? try await liveLessonStudent(fields.lessionID, on: sql) : nil
            try await LiveRow.requireChangedReference(.teacher, id: fields.teacherID, stored: stored.teacher_id, field: "teacherID", on: sql)
            try await LiveRow.requireChangedReference(.staff, id: fields.matcherID, stored: stored.matcher_id, field: "matcherID", on: sql)
            // Rules on stored state (§2.6.3 error table order).
            if let studentID = fields.studentID, studentID != stored.student_id {
                throw AppError(code: 400, msg: "不能更改约课所属学生", fieldName: "studentID")
            }
            if stored.state == AppointmentState.deal {
                if let state, state != AppointmentState.deal {
                    throw AppError(code: 409, msg: "已成交的约课不能更改状态", fieldName: "state")
                }
                if lessonChanged { throw AppError(code: 409, msg: "已成交的约课不能更改课程", fieldName: "lessionID") }
            }
            if let newLessonOwner, newLessonOwner != stored.student_id { throw Self.notOwnLesson }

            let now = TutoringClock.now()
            if stored.state != AppointmentState.deal, state == AppointmentState.deal {
                try await closeDeal(appointID, lesson: fields.lessionID ?? storedLesson, at: now, on: sql)
            }
            var changes = RowChanges()
            changes.setReference("lesson_id", fields.lessionID)
            changes.set("teacher_id", fields.teacherID)
            changes.set("subject", fields.subject)
            changes.set("trial_date", fields.trialDate)
            changes.set("trial_time", fields.trialTime)
            changes.set("location", fields.localtion)
            changes.set("matcher_id", fields.matcherID)
            changes.set("state", state?.rawValue)
            changes.set("state_info", stateInfo)
            try await changes.apply(to: .appointment, id: appointID, at: now, on: sql)
        }
        return Success.none()
    }

    /// The transition into 2 (已成交): claimed with a conditional update so it happens once, then one class
    /// of the lesson (if any) is consumed atomically; the lesson ends when it reaches `allClass`.
    private func closeDeal(_ appointID: Int, lesson lessonID: Int, at now: Int, on sql: any SQLDatabase) async throws {
        struct Claimed: Decodable { let id: Int }
        let claimed = try await sql.raw("""
            UPDATE tutoring_appointment SET state = \(bind: AppointmentState.deal.rawValue), class_consumed = \(bind: lessonID != 0),
                update_time = \(bind: now)
            WHERE id = \(bind: appointID) AND state <> \(bind: AppointmentState.deal.rawValue) AND deleted_at IS NULL
            RETURNING id
            """).first(decoding: Claimed.self)
        guard claimed != nil, lessonID != 0 else { return }
        let consumed = try await sql.raw("""
            UPDATE tutoring_lesson SET consumed_class = consumed_class + 1,
                state = CASE WHEN consumed_class + 1 >= all_class THEN \(bind: LessonState.finished.rawValue) ELSE state END, update_time = \(bind: now)
            WHERE id = \(bind: lessonID) AND deleted_at IS NULL AND consumed_class < all_class
            RETURNING id
            """).first(decoding: Claimed.self)
        if consumed == nil {
            guard try await LiveRow.exists(.lesson, id: lessonID, on: sql) else { throw TutoringTable.lesson.notFound("lessionID") }
            throw AppError(code: 409, msg: "该课程课时已全部消耗", fieldName: "lessionID")
        }
    }

    /// The student of live lesson `lessonID` (nil for none/0), or 404 `课程不存在` on `lessionID`.
    private func liveLessonStudent(_ lessonID: Int?, on sql: any SQLDatabase) async throws -> Int? {
        guard let lessonID, lessonID != 0 else { return nil }
        struct Owner: Decodable { let student_id: Int }
        guard let owner = try await sql.raw("""
            SELECT student_id FROM tutoring_lesson WHERE id = \(bind: lessonID) AND deleted_at IS NULL
            """).first(decoding: Owner.self)
        else { throw TutoringTable.lesson.notFound("lessionID") }
        return owner.student_id
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let appointID = try input.requiredID("appointID", "约课记录ID")
        try await database.transaction { sql in
            // No refund of a consumed class (§2.6.4).
            guard try await LiveRow.softDelete(.appointment, id: appointID, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.appointment.notFound("appointID")
            }
        }
        return Success.none()
    }
}
