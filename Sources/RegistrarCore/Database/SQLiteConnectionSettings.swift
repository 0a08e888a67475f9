import VaporCSQLite

/// Settings every SQLite connection of the process gets when it opens. `PRAGMA synchronous`,
/// `busy_timeout` and `foreign_keys` belong to a connection, not to the file, and the pool opens its
/// connections lazily, so they are applied by an SQLite auto-extension: SQLite runs it inside every
/// `sqlite3_open`, before the pool hands the connection out.
///
/// - `synchronous = FULL`: a committed write survives a process kill and, in WAL mode, a power loss
///   (the server records payments); see README for its throughput cost.
/// - `busy_timeout = 10000`: writers queue for the write lock instead of failing at once.
/// - `foreign_keys = ON`.
enum SQLiteConnectionSettings {
    static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Registers the auto-extension once per process; true when SQLite accepted it.
    static let installed: Bool = {
        typealias Entry = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Int32
        let entry: Entry = { connection, _, _ in
            _ = sqlite_nio_sqlite3_busy_timeout(connection, 10_000)
            return sqlite_nio_sqlite3_exec(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", nil, nil, nil)
        }
        return sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self)) == 0
    }()
}
