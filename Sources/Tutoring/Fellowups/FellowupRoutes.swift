import Hummingbird
import RegistrarCore
import SQLKit

/// §2.5: follow-up records of a student (资源跟进). `PUT /admin/fellowup/add` is the seed's URL for update.
struct FellowupRoutes: TutoringRouteModule {
    let database: RegistrarDatabase

    func register(_ routes: TutoringRoutes) {
        routes.get("/admin/fellowup/list") { request, _ in try await list(request) }
        routes.post("/admin/fellowup/add") { request, _ in try await add(request) }
        routes.put("/admin/fellowup/update") { request, _ in try await update(request) }
        routes.put("/admin/fellowup/add") { request, _ in try await update(request) }
        routes.delete("/admin/fellowup/delete") { request, me in try await delete(request, me) }
    }

    struct Item: Decodable, Encodable, Sendable {
        let fellowupID: Int
        let staffID: Int
        let staff: String
        let content: String
        let createTime: Int
    }

    /// A follow-up as fellowup/add creates it.
    struct NewFellowup: Encodable, Sendable {
        let studentId, staffId: Int
        let content: String
        let createTime, updateTime: Int
    }

    func list(_ request: Request) async throws -> Envelope<[Item]> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生ID")
        let sql = database.sql
        try await LiveRow.require(.student, id: studentID, field: "studentID", on: sql)
        let items = try await sql.raw("""
            SELECT f.id AS "fellowupID", f.staff_id AS "staffID", COALESCE(st.name, '') AS staff, f.content,
                f.create_time AS "createTime"
            FROM tutoring_fellowup f LEFT JOIN tutoring_staff st ON st.id = f.staff_id
            WHERE f.student_id = \(bind: studentID) AND f.deleted_at IS NULL
            ORDER BY f.id DESC
            """).all(decoding: Item.self)
        return Success.data(items)
    }

    func add(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let studentID = try input.requiredID("studentID", "学生资源ID")
        let staffID = try input.requiredID("staffID", "跟进员工ID")
        let content = try input.requiredText("content", "跟进记录", max: 2000)
        try await database.transaction { sql in
            // Locked, so a concurrent student/delete either sees this record (and cascades to it) or wins first.
            try await LiveRow.lock(.student, id: studentID, field: "studentID", on: sql)
            try await LiveRow.require(.staff, id: staffID, field: "staffID", on: sql)
            let now = TutoringClock.now()
            try await sql.insertRow(
                NewFellowup(studentId: studentID, staffId: staffID, content: content, createTime: now, updateTime: now),
                into: .fellowup)
        }
        return Success.none()
    }

    func update(_ request: Request) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let fellowupID = try input.requiredID("fellowupID", "跟进记录ID")
        let staffID = try input.id("staffID", "跟进员工ID", .optional)
        let content = try input.text("content", "跟进记录", max: 2000, .nonEmpty)
        try await database.transaction { sql in
            struct Stored: Decodable { let staff_id: Int }
            let stored = try await LiveRow.fetch(.fellowup, id: fellowupID, field: "fellowupID", as: Stored.self, on: sql)
            try await LiveRow.requireChangedReference(.staff, id: staffID, stored: stored.staff_id, field: "staffID", on: sql)
            var changes = RowChanges()
            changes.set("staff_id", staffID)
            changes.set("content", content)
            try await changes.apply(to: .fellowup, id: fellowupID, at: TutoringClock.now(), on: sql)
        }
        return Success.none()
    }

    func delete(_ request: Request, _ me: CurrentStaff) async throws -> Envelope<EmptyObject> {
        let input = try await TutoringInput.read(request)
        let fellowupID = try input.requiredID("fellowupID", "跟进记录ID")
        try await database.transaction { sql in
            guard try await LiveRow.softDelete(.fellowup, id: fellowupID, by: me.id, at: TutoringClock.now(), on: sql) else {
                throw TutoringTable.fellowup.notFound("fellowupID")
            }
        }
        return Success.none()
    }
}
