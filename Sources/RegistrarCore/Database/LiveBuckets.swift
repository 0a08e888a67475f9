import SQLKit

/// Live-row counts per bucket of IDs, kept up to date by database triggers, so that a deep page of a large
/// list ordered by ID starts near its first row instead of stepping over every row before it.
///
/// The live rows (`deleted_at IS NULL`) of a table are counted per bucket of `width` (4,096) consecutive IDs. The page
/// at offset N starts in the bucket where the running count from the highest IDs down passes N: its keys are
/// read from the `(deleted_at, id)` index below that bucket's upper end, skipping fewer than `width` rows; a page within the first `width` rows is read from
/// the index alone.
/// The cost grows with the number of buckets (rows / 4,096), not with the offset. As with `LiveCounts`, the
/// triggers see every write, and the counts are read in the statement that reads the rows (one snapshot),
/// so a page is exactly what `ORDER BY id DESC LIMIT … OFFSET …` would return.
public enum LiveBuckets {
    static let table = "registrar_live_bucket"
    /// IDs per bucket.
    public static let width = 4096

    /// For a migration: starts counting `table`'s live rows per bucket (idempotent).
    public static func install(on table: String, _ db: any SQLDatabase) async throws {
        // Stored in key order on SQLite too (WITHOUT ROWID): the running sum reads the rows in order, unsorted.
        let storage = db.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS \(unsafeRaw: Self.table) (
                tbl TEXT NOT NULL, bucket BIGINT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (tbl, bucket))\(unsafeRaw: storage)
            """).run()
        if db.dialect.name == "sqlite" {
            try await installSQLiteTriggers(on: table, db)
        } else {
            try await installPostgresTriggers(on: table, db)
        }
        try await db.raw("DELETE FROM \(unsafeRaw: Self.table) WHERE tbl = \(bind: table)").run()
        try await db.raw("""
            INSERT INTO \(unsafeRaw: Self.table) (tbl, bucket, n)
            SELECT \(bind: table), id / \(unsafeRaw: "\(width)"), COUNT(*) FROM \(unsafeRaw: table) WHERE deleted_at IS NULL
            GROUP BY id / \(unsafeRaw: "\(width)")
            """).run()
    }

    /// For a migration's revert.
    public static func uninstall(from table: String, _ db: any SQLDatabase) async throws {
        try await LiveCounts.dropTriggers(of: table, sqlitePrefix: "bucket", postgresName: "live_bucket", keptIn: Self.table, db)
    }

    /// A subquery for `id IN (…)`: the IDs of `table`'s live rows in `window`, highest ID first — the rows of
    /// `SELECT id FROM table WHERE deleted_at IS NULL ORDER BY id DESC LIMIT size OFFSET offset`.
    public static func pageKeys(of table: String, window: PageWindow) -> SQLQueryString {
        // Within the first bucket's worth of rows the index alone is cheaper than summing bucket counts.
        guard window.offset >= width else {
            return """
                SELECT id FROM \(unsafeRaw: table) WHERE deleted_at IS NULL
                ORDER BY id DESC LIMIT \(bind: window.size) OFFSET \(bind: window.offset)
                """
        }
        // `start`: the bucket where the page starts, and how many of its live rows precede the page (all rows of
        // the buckets above it do), computed once. Past the end there is no such bucket: no ID is below NULL,
        // and OFFSET must still be a number.
        return """
            WITH start AS MATERIALIZED (
                SELECT bucket, \(bind: window.offset) - (upto - n) AS skip FROM (
                    SELECT bucket, n, SUM(n) OVER (ORDER BY bucket DESC) AS upto
                    FROM \(unsafeRaw: Self.table) WHERE tbl = \(bind: table)
                ) counted WHERE upto > \(bind: window.offset) ORDER BY bucket DESC LIMIT 1)
            SELECT id FROM \(unsafeRaw: table)
            WHERE deleted_at IS NULL AND id < (SELECT (bucket + 1) * \(unsafeRaw: "\(width)") FROM start)
            ORDER BY id DESC LIMIT \(bind: window.size) OFFSET COALESCE((SELECT CAST(skip AS BIGINT) FROM start), 0)
            """
    }

    private static func installSQLiteTriggers(on table: String, _ db: any SQLDatabase) async throws {
        func upsert(_ row: String, _ delta: String) -> String {
            """
            INSERT INTO \(Self.table) (tbl, bucket, n) VALUES ('\(table)', \(row).id / \(width), \(delta))
            ON CONFLICT (tbl, bucket) DO UPDATE SET n = n + excluded.n;
            """
        }
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_bucket_ins AFTER INSERT ON \(unsafeRaw: table)
            WHEN NEW.deleted_at IS NULL BEGIN \(unsafeRaw: upsert("NEW", "1")) END
            """).run()
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_bucket_upd AFTER UPDATE OF deleted_at ON \(unsafeRaw: table)
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
            BEGIN \(unsafeRaw: upsert("NEW", "CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END")) END
            """).run()
        try await db.raw("""
            CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: table)_bucket_del AFTER DELETE ON \(unsafeRaw: table)
            WHEN OLD.deleted_at IS NULL BEGIN \(unsafeRaw: upsert("OLD", "-1")) END
            """).run()
    }

    private static func installPostgresTriggers(on table: String, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE OR REPLACE FUNCTION registrar_live_bucket() RETURNS trigger AS $$
            DECLARE
                delta INT := 0;
                row_id BIGINT;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW.deleted_at IS NULL THEN delta := 1; row_id := NEW.id; END IF;
                ELSIF TG_OP = 'DELETE' THEN
                    IF OLD.deleted_at IS NULL THEN delta := -1; row_id := OLD.id; END IF;
                ELSIF (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) THEN
                    delta := CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END;
                    row_id := NEW.id;
                END IF;
                IF delta <> 0 THEN
                    INSERT INTO registrar_live_bucket (tbl, bucket, n) VALUES (TG_TABLE_NAME, row_id / \(unsafeRaw: "\(width)"), delta)
                    ON CONFLICT (tbl, bucket) DO UPDATE SET n = registrar_live_bucket.n + EXCLUDED.n;
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql
            """).run()
        try await db.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_live_bucket ON \(unsafeRaw: table)").run()
        try await db.raw("""
            CREATE TRIGGER \(unsafeRaw: table)_live_bucket AFTER INSERT OR DELETE OR UPDATE OF deleted_at
            ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION registrar_live_bucket()
            """).run()
    }
}
