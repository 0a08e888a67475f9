import Foundation
import RegistrarCore
import SQLKit

/// Loads a generated data set in one transaction, with multi-row inserts, unless tutoring data already exists.
enum DemoDataLoader {
    static let adminPassword = "admin123"
    static let staffPassword = "demo1234"
    /// Rows per INSERT: well below the bind limits of SQLite (32766) and PostgreSQL (65535) for our widest table.
    static let batchSize = 500

    enum Outcome: Sendable {
        case skipped
        case loaded(DemoDataSet)
    }

    private struct Count: Decodable { let count: Int }
    private struct StaffKey: Decodable { let id: Int; let name: String; let phone: String; let deletedAt: Int? }

    static func load(profile: DemoProfile, database: RegistrarDatabase) async throws -> Outcome {
        let passwords = Passwords(cost: 10)
        let adminHash = try await passwords.hash(adminPassword)
        let staffHash = try await passwords.hash(staffPassword)
        return try await database.transaction { sql in
            // Idempotent: any business row means the demo (or real data) is already there.
            for table in [DemoTables.student, DemoTables.teacher, DemoTables.orders] {
                let rows = try await sql.raw("SELECT COUNT(*) AS count FROM \(ident: table)").first(decoding: Count.self)
                if (rows?.count ?? 0) > 0 { return .skipped }
            }
            let staff = try await sql.raw("SELECT id, name, phone, deleted_at FROM \(ident: DemoTables.staff)")
                .all(decoding: StaffKey.self, keyDecodingStrategy: .convertFromSnakeCase)
            let live = staff.filter { $0.deletedAt == nil }
            var generator = DemoGenerator(
                profile: profile, firstStaffID: (staff.map(\.id).max() ?? 0) + 1,
                takenStaffNames: Set(live.map(\.name)), takenStaffPhones: Set(live.map(\.phone)),
                adminPasswordHash: adminHash, staffPasswordHash: staffHash)
            let set = generator.generate()
            // The live-count triggers would update their one counter row once per inserted row; the bulk load
            // runs without them and the counts are taken afresh (reinstalled) in the same transaction.
            for table in DemoTables.counted { try await LiveCounts.uninstall(from: table, sql) }
            try await insert(set.staff, into: DemoTables.staff, on: sql)
            try await insert(set.teachers, into: DemoTables.teacher, on: sql)
            try await insert(set.students, into: DemoTables.student, on: sql)
            try await insert(set.orders, into: DemoTables.orders, on: sql)
            try await insert(set.lessons, into: DemoTables.lesson, on: sql)
            try await insert(set.followups, into: DemoTables.fellowup, on: sql)
            try await insert(set.appointments, into: DemoTables.appointment, on: sql)
            for table in DemoTables.counted { try await LiveCounts.install(on: table, sql) }
            if !database.isSQLite {
                // Explicit IDs do not advance PostgreSQL's identity sequences: move them past the new rows.
                for table in DemoTables.withGeneratedRows {
                    try await sql.raw("""
                        SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), (SELECT COALESCE(MAX(id), 1) FROM \(ident: table)))
                        """).run()
                }
            }
            return .loaded(set)
        }
    }

    private static func insert<Row: Encodable & Sendable>(_ rows: [Row], into table: String, on sql: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let batch = Array(rows[start..<min(start + batchSize, rows.count)])
            try await sql.insert(into: table)
                .models(batch, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .run()
            start += batchSize
        }
    }
}

/// The tables the demo data fills.
enum DemoTables {
    static let staff = "tutoring_staff"
    static let teacher = "tutoring_teacher"
    static let student = "tutoring_student"
    static let orders = "tutoring_orders"
    static let lesson = "tutoring_lesson"
    static let fellowup = "tutoring_fellowup"
    static let appointment = "tutoring_appointment"
    static let withGeneratedRows = [staff, teacher, student, orders, lesson, fellowup, appointment]
    /// The tables whose live rows the migrations count with `LiveCounts` triggers (CountLiveStudents,
    /// CountLiveOrdersAndLessons).
    static let counted = [student] + CountLiveOrdersAndLessons.tables
}
