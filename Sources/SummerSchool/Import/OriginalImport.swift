import Foundation
import RegistrarCore
import SQLKit

/// `registrar import-original`: moves an operator's data from the original platform's `dumpdata` export
/// into a fresh database (import.md). One transaction: a refused row leaves nothing written.
public enum OriginalImport {
    public struct Options: Sendable {
        public var dryRun: Bool
        /// The original's media folder; referenced image files are checked, and copied after a commit.
        public var mediaFrom: String?
        public var mediaRoot: String
        /// Called every few thousand records with (records read, current model).
        public var progress: (@Sendable (Int, String) -> Void)?

        public init(dryRun: Bool = false, mediaFrom: String? = nil, mediaRoot: String = SummerSettings.defaultMediaRoot,
                    progress: (@Sendable (Int, String) -> Void)? = nil) {
            self.dryRun = dryRun
            self.mediaFrom = mediaFrom
            self.mediaRoot = mediaRoot
            self.progress = progress
        }
    }

    /// Carries the report out of a transaction that a dry run rolls back.
    private struct DryRunDone: Error { let report: ImportReport }

    public static func run(source: DumpSource, database: RegistrarDatabase, options: Options) async throws -> ImportReport {
        let started = Date()
        if let from = options.mediaFrom {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ImportFailure("--media-from \(from) is not a folder")
            }
        }
        var report: ImportReport
        do {
            report = try await database.transaction { sql in
                try await refuseUnlessFresh(sql)
                var report = try await load(source: source, sql: sql, isSQLite: database.isSQLite, options: options)
                if options.dryRun { throw DryRunDone(report: report) }
                try await ImportSequences.advance(ImportTable.all, isSQLite: database.isSQLite, on: sql)
                report.dryRun = false
                return report
            }
        } catch let done as DryRunDone {
            report = done.report
        }
        if let from = options.mediaFrom, !options.dryRun {
            report.media?.copied = try await MediaCopy.run(from: from, to: options.mediaRoot, on: database.sql)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// An import goes into a fresh database: none of the tables it writes may hold rows.
    static func refuseUnlessFresh(_ sql: any SQLDatabase) async throws {
        struct One: Decodable { let one: Int }
        var holding: [String] = []
        for table in ImportTable.all {
            if try await sql.raw("SELECT 1 AS one FROM \(ident: table.name) LIMIT 1").first(decoding: One.self) != nil {
                holding.append(table.name)
            }
        }
        guard holding.isEmpty else {
            throw ImportFailure(
                "the database is not fresh (rows in \(holding.joined(separator: ", "))): an import goes into a new database")
        }
    }

    /// Streams the export into the tables, then clears dangling soft references and re-checks the invariants.
    private static func load(source: DumpSource, sql: any SQLDatabase, isSQLite: Bool, options: Options) async throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        var reader = DumpReader(source: source)
        var context = MapContext()
        if let from = options.mediaFrom { context.media = MediaCheck(from: from) }
        let writer = BatchWriter(sql: sql)

        while let bytes = try reader.next() {
            let record = try DumpRecord.decode(bytes, element: reader.elements)
            if reader.elements % 5000 == 0 { options.progress?(reader.elements, record.model) }
            guard let mapper = ModelMappers.all[record.model] else {
                let reason = ModelMappers.skipped[record.model] ?? "unknown model"
                report.update(record.model) { line in
                    line.read += 1
                    line.skipped += 1
                    line.reason = reason
                }
                continue
            }
            var fields = RecordFields(record)
            let rows = try mapper.map(&fields, &context)
            report.noteUnknownFields(record.model, fields.unknownFields)
            report.update(record.model) { line in
                line.read += 1
                line.imported += 1
            }
            try await writer.add(rows)
        }
        try await writer.flush()
        options.progress?(reader.elements, "done")
        report.tableRows = writer.written
        report.clearedReferences = try await clearSoftReferences(sql).map { column, missing in
            ("student_info.\(column)", context.zeroReferences[column, default: 0], missing)
        }
        if let media = context.media {
            report.media = (media.referenced, media.missingCount, media.missing, nil)
        }
        report.warnings = try await ImportInvariants.run(on: sql, isSQLite: isSQLite)
        return report
    }

    /// `student_info.channel_id` and `recommand_user_id` naming no row become null (0 already did).
    static func clearSoftReferences(_ sql: any SQLDatabase) async throws -> [(String, Int)] {
        struct Count: Decodable { let n: Int }
        var cleared: [(String, Int)] = []
        for (column, table) in [("channel_id", "summer_market_channel"), ("recommand_user_id", "summer_user")] {
            let dangling = """
                \(column) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = summer_student_info.\(column))
                """
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM summer_student_info WHERE \(unsafeRaw: dangling)")
                .first(decoding: Count.self)?.n ?? 0
            if count > 0 {
                try await sql.raw("UPDATE summer_student_info SET \(unsafeRaw: column) = NULL WHERE \(unsafeRaw: dangling)").run()
            }
            cleared.append((column, count))
        }
        return cleared
    }
}
