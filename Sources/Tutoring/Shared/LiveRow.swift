import RegistrarCore
import SQLKit

/// The tutoring tables that are referenced by ID, with their 404 messages (§1.4).
public enum TutoringTable: String, Sendable {
    case staff = "tutoring_staff"
    case student = "tutoring_student"
    case fellowup = "tutoring_fellowup"
    case appointment = "tutoring_appointment"
    case teacher = "tutoring_teacher"
    case order = "tutoring_orders"
    case lesson = "tutoring_lesson"

    public var notFoundMessage: String {
        switch self {
        case .staff: return "员工不存在"
        case .student: return "学生不存在"
        case .fellowup: return "跟进记录不存在"
        case .appointment: return "约课记录不存在"
        case .teacher: return "教师不存在"
        case .order: return "订单不存在"
        case .lesson: return "课程不存在"
        }
    }

    /// 404 with this table's message, naming the request field that carried the ID.
    public func notFound(_ field: String) -> AppError {
        AppError(code: 404, msg: notFoundMessage, fieldName: field)
    }
}

/// Existence checks and soft deletes on live rows (`deleted_at IS NULL`, §1.10).
public enum LiveRow {
    /// Whether `id` names a live row of `table`.
    public static func exists(_ table: TutoringTable, id: Int, on sql: any SQLDatabase) async throws -> Bool {
        struct Found: Decodable { let id: Int }
        return try await sql.raw("""
            SELECT id FROM \(unsafeRaw: table.rawValue) WHERE id = \(bind: id) AND deleted_at IS NULL
            """).first(decoding: Found.self) != nil
    }

    /// 404 (`field`) unless `id` names a live row of `table`.
    public static func require(_ table: TutoringTable, id: Int, field: String, on sql: any SQLDatabase) async throws {
        guard try await exists(table, id: id, on: sql) else { throw table.notFound(field) }
    }

    /// A reference that may be 0/absent ("none"): looked up only when non-zero (§1.7).
    public static func requireReference(_ table: TutoringTable, id: Int?, field: String, on sql: any SQLDatabase) async throws {
        guard let id, id != 0 else { return }
        try await require(table, id: id, field: field, on: sql)
    }

    /// On update, a reference equal to the stored value is accepted without lookup (§1.7).
    public static func requireChangedReference(
        _ table: TutoringTable, id: Int?, stored: Int?, field: String, on sql: any SQLDatabase
    ) async throws {
        guard let id, id != 0, id != (stored ?? 0) else { return }
        try await require(table, id: id, field: field, on: sql)
    }

    /// The live row of `table` with `id` (all columns, decoded as `Row`), or 404 (`field`).
    ///
    /// Call it inside the writing transaction: the row is locked until the transaction ends (`lockRow`), so
    /// checks on stored state (an appointment's final state, a lesson's consumed classes, a concurrent
    /// delete) are never made against a stale copy.
    public static func fetch<Row: Decodable>(
        _ table: TutoringTable, id: Int, field: String, as type: Row.Type, on sql: any SQLDatabase
    ) async throws -> Row {
        guard let row = try await sql.lockRow(
            table.rawValue, touching: "deleted_at", where: "id = \(bind: id) AND deleted_at IS NULL", returning: "*", as: Row.self)
        else { throw table.notFound(field) }
        return row
    }

    /// Locks the live row `id` of `table` for the rest of the transaction (see `fetch`), or 404 (`field`).
    public static func lock(_ table: TutoringTable, id: Int, field: String, on sql: any SQLDatabase) async throws {
        struct Locked: Decodable { let id: Int }
        _ = try await fetch(table, id: id, field: field, as: Locked.self, on: sql)
    }

    /// Soft-deletes row `id` if still live; returns whether this call deleted it (a concurrent delete loses).
    @discardableResult
    public static func softDelete(_ table: TutoringTable, id: Int, by staffID: Int, at time: Int, on sql: any SQLDatabase) async throws -> Bool {
        struct Deleted: Decodable { let id: Int }
        return try await sql.raw("""
            UPDATE \(unsafeRaw: table.rawValue) SET deleted_at = \(bind: time), deleted_by = \(bind: staffID)
            WHERE id = \(bind: id) AND deleted_at IS NULL RETURNING id
            """).first(decoding: Deleted.self) != nil
    }
}

extension SQLDatabase {
    /// Inserts `row` into a tutoring table (`insertRow(_:into:)`) and answers its new ID.
    @discardableResult
    func insertRow<Row: Encodable & Sendable>(_ row: Row, into table: TutoringTable) async throws -> Int {
        try await insertRow(row, into: table.rawValue)
    }
}
