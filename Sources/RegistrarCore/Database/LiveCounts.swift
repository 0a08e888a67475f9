import SQLKit

/// Counts of live rows (`deleted_at IS NULL`) kept up to date by database triggers, so an unfiltered list
/// knows its total without counting a large table on every request. The triggers see every write — handlers,
/// cascades and bulk loads alike — so the count cannot drift, on SQLite or PostgreSQL, across any number of
/// server instances.
public enum LiveCounts {
    static let table = "registrar_live_count"

    /// For a migration: starts counting `table`'s live rows (idempotent).
    public static func install(on table: String, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS \(unsafeRaw: Self.table) (
                tbl TEXT PRIMARY KEY, n BIGINT NOT NULL)
            """).run()
        if db.dialect.name == "sqlite" {
            try await installSQLiteTriggers(on: table, db)
        } else {
            try await installPostgresTriggers(on: table, db)
        }
        try await db.raw("DELETE FROM \(unsafeRaw: Self.table) WHERE tbl = \(bind: table)").run()
        try await db.raw("""
            INSERT INTO \(unsafeRaw: Self.table) (tbl, n)
            SELECT \(bind: table), COUNT(*) FROM \(unsafeRaw: table) WHERE deleted_at IS NULL
            """).run()
    }

    /// For a migration's revert.
    public static func uninstall(from table: String, _ db: any SQLDatabase) async throws {
        try await dropTriggers(of: table, sqlitePrefix: "live", postgresName: "live_count", keptIn: Self.table, db)
    }

    /// Drops the triggers that keep a per-table tally (`<table>_<prefix>_ins|upd|del` on SQLite, one
    /// `<table>_<name>` on PostgreSQL) and the table's rows of that tally; shared with `LiveBuckets`.
    static func dropTriggers(
        of table: String, sqlitePrefix: String, postgresName: String, keptIn tally: String, _ db: any SQLDatabase
    ) async throws {
        if db.dialect.name == "sqlite" {
            for suffix in ["ins", "upd", "del"] {
                try await db.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: sqlitePrefix)_\(unsafeRaw: suffix)").run()
            }
        } else {
            try await db.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: postgresName) ON \(unsafeRaw: table)").run()
        }
        try await db.raw("DELETE FROM \(unsafeRaw: tally) WHERE tbl = \(bind: table)").run()
    }

    /// The number of live rows of `table`.
    public static func live(in table: String, on db: any SQLDatabase) async throws -> Int {
        struct Row: Decodable { let n: Int }
        return try await db.raw("SELECT n FROM \(unsafeRaw: Self.table) WHERE tbl = \(bind: table)")
            .first(decoding: Row.self)?.n ?? 0
    }

    /// The number of live rows of `table` as a parenthesized scalar subquery, to read beside a page's rows in
    /// the statement that reads them.
    public static func total(of table: String) -> SQLQueryString {
        "(SELECT n FROM \(unsafeRaw: Self.table) WHERE tbl = \(bind: table))"
    }

    private static func installSQLiteTriggers(on table: String, _ db: any SQLDatabase) async throws {
        let bump = "UPDATE \(Self.table) SET n = n"
        let name = "WHERE tbl = '\(table)'"
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_live_ins AFTER INSERT ON \(unsafeRaw: table)
            WHEN NEW.deleted_at IS NULL BEGIN \(unsafeRaw: bump) + 1 \(unsafeRaw: name); END
            """).run()
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_live_upd AFTER UPDATE OF deleted_at ON \(unsafeRaw: table)
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
            BEGIN \(unsafeRaw: bump) + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END) \(unsafeRaw: name); END
            """).run()
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_live_del AFTER DELETE ON \(unsafeRaw: table)
            WHEN OLD.deleted_at IS NULL BEGIN \(unsafeRaw: bump) - 1 \(unsafeRaw: name); END
            """).run()
    }

    private static func installPostgresTriggers(on table: String, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE OR REPLACE FUNCTION registrar_live_count() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW.deleted_at IS NULL THEN
                        UPDATE registrar_live_count SET n = n + 1 WHERE tbl = TG_TABLE_NAME;
                    END IF;
                    RETURN NEW;
                ELSIF TG_OP = 'DELETE' THEN
                    IF OLD.deleted_at IS NULL THEN
                        UPDATE registrar_live_count SET n = n - 1 WHERE tbl = TG_TABLE_NAME;
                    END IF;
                    RETURN OLD;
                END IF;
                IF (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) THEN
                    UPDATE registrar_live_count SET n = n + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)
                    WHERE tbl = TG_TABLE_NAME;
                END IF;
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql
            """).run()
        try await db.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_live_count ON \(unsafeRaw: table)").run()
        try await db.raw("""
            CREATE TRIGGER \(unsafeRaw: table)_live_count AFTER INSERT OR DELETE OR UPDATE OF deleted_at
            ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION registrar_live_count()
            """).run()
    }
}
