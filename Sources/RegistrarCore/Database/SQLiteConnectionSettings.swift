import VaporCSQLite

/// Settings every SQLite connection of the process gets when it opens. `PRAGMA synchronous`,
/// `busy_timeout` and `foreign_keys` belong to a connection, not to the file, and the pool opens its
/// connections lazily, so they are applied by an SQLite auto-extension, which SQLite runs inside every
/// `sqlite3_open`, before the pool hands the connection out.
///
/// - `synchronous = FULL`: a committed write survives a process kill and, in WAL mode, a power loss
///   (the server records payments); see README for its throughput cost.
/// - `busy_timeout = 10000`: writers wait up to 10 s for the write lock, sleeping between tries.
/// - `foreign_keys = ON`.
///
/// The SQLite driver installs, after opening, a busy handler that retries at once and forever (a spin on
/// a thread-pool thread). The auto-extension therefore also installs an authorizer, which SQLite calls as
/// each statement is prepared, and which puts the busy timeout back in place before the statement runs.
/// The authorizer allows everything; it only restores the timeout.
enum SQLiteConnectionSettings {
    static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Registers the auto-extension once per process; true when SQLite accepted it.
    static let installed: Bool = {
        typealias Entry = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Int32
        let entry: Entry = { connection, _, _ in
            _ = sqlite_nio_sqlite3_busy_timeout(connection, 10_000)
            let authorizer: @convention(c) (
                UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?
            ) -> Int32 = { context, _, _, _, _, _ in
                _ = sqlite_nio_sqlite3_busy_timeout(OpaquePointer(context), 10_000)
                return 0  // SQLITE_OK
            }
            let status = sqlite_nio_sqlite3_set_authorizer(connection, authorizer, UnsafeMutableRawPointer(connection))
            guard status == 0 else { return status }
            return sqlite_nio_sqlite3_exec(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", nil, nil, nil)
        }
        return sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self)) == 0
    }()
}
