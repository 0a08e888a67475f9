import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
import Tutoring

/// A migrated database plus a router client for tutoring tests, with helpers to create staff directly in
/// SQL, log them in and send requests with a Bearer token.
///
///     try await TutoringHarness.run { h in
///         let admin = try await h.staff(role: 1)
///         let r = try await h.get("/admin/roler", token: admin.token)
///     }
struct TutoringHarness: Sendable {
    let database: RegistrarDatabase
    let client: any TestClientProtocol

    var sql: any SQLDatabase { database.sql }

    static let defaultPassword = "secret1"

    /// `settings` default to a plain-HTTP server, whatever the environment says.
    static func run(
        settings: TutoringSettings = TutoringSettings(), _ body: @escaping @Sendable (TutoringHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.with(migrations: TutoringApp.migrations) { db in
            var logger = Logger(label: "tutoring.test")
            logger.logLevel = .warning
            let tutoring = TutoringApp(database: db, logger: logger, settings: settings)
            let conformance = try DocumentConformance(json: tutoring.openAPIDocument().json)
            try await Application(router: tutoring.router()).test(.router) { client in
                let checked = ConformingClient(client, conformance: conformance) { XCTFail($0) }
                try await body(TutoringHarness(database: db, client: checked))
            }
        }
    }

    // MARK: Staff

    /// A staff member created in SQL and logged in through the API.
    struct Caller: Sendable {
        let id: Int
        let name: String
        let phone: String
        let role: Int
        let token: String
    }

    /// Inserts a live staff row (bcrypt hash of `password`) and returns its id.
    @discardableResult
    func createStaff(name: String? = nil, phone: String? = nil, role: Int, password: String = defaultPassword) async throws -> Int {
        struct Next: Decodable { let next: Int }
        let next = try await sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM tutoring_staff").first(decoding: Next.self)!.next
        let hash = try await PasswordHashes.shared.hash(password)
        struct Inserted: Decodable { let id: Int }
        let now = Int(Date().timeIntervalSince1970)
        return try await sql.raw("""
            INSERT INTO tutoring_staff (name, phone, password_hash, role, create_time, update_time)
            VALUES (\(bind: name ?? "员工\(next)"), \(bind: phone ?? String(format: "139%08d", next)), \(bind: hash),
                    \(bind: role), \(bind: now), \(bind: now))
            RETURNING id
            """).first(decoding: Inserted.self)!.id
    }

    /// Creates a staff member of `role` and logs them in.
    func staff(role: Int, name: String? = nil, phone: String? = nil, password: String = defaultPassword) async throws -> Caller {
        let id = try await createStaff(name: name, phone: phone, role: role, password: password)
        struct Row: Decodable { let name: String; let phone: String }
        let row = try await sql.raw("SELECT name, phone FROM tutoring_staff WHERE id = \(bind: id)").first(decoding: Row.self)!
        let token = try await login(name: row.name, password: password)
        return Caller(id: id, name: row.name, phone: row.phone, role: role, token: token)
    }

    /// Logs in through `POST /admin/user/login` and returns the token (fails the test otherwise).
    func login(name: String, password: String = defaultPassword) async throws -> String {
        let response = try await post("/admin/user/login", json: ["name": name, "password": password])
        guard response.code == 0, let token = response.data?["token"]?.stringValue else {
            throw HarnessError("login of \(name) failed: \(response.bodyText)")
        }
        return token
    }

    // MARK: Requests

    func get(_ path: String, token: String? = nil, query: [String: Any] = [:]) async throws -> TestResponse {
        try await send(.get, path, token: token, query: query)
    }

    func post(_ path: String, token: String? = nil, json: [String: Any] = [:]) async throws -> TestResponse {
        try await send(.post, path, token: token, body: jsonBody(json))
    }

    func put(_ path: String, token: String? = nil, json: [String: Any] = [:]) async throws -> TestResponse {
        try await send(.put, path, token: token, body: jsonBody(json))
    }

    func delete(_ path: String, token: String? = nil, query: [String: Any] = [:], json: [String: Any]? = nil) async throws -> TestResponse {
        try await send(.delete, path, token: token, query: query, body: json.map(jsonBody))
    }

    /// Any request: `query` is percent-encoded onto the path, `headers` are added after the Bearer header.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, query: [String: Any] = [:],
        headers extra: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, extra[.contentType] == nil { headers[.contentType] = "application/json" }
        headers.append(contentsOf: extra)
        return try await client.execute(uri: path + Self.queryString(query), method: method, headers: headers, body: body)
    }

    static func queryString(_ query: [String: Any]) -> String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = query.keys.sorted().map { key in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\("\(query[key]!)".addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }
        return "?" + pairs.joined(separator: "&")
    }

    // MARK: Database checks

    /// `SELECT COUNT(*)` of `table` (optionally with a WHERE clause), to assert that nothing was written.
    func count(_ table: String, where condition: String = "1 = 1") async throws -> Int {
        struct Count: Decodable { let count: Int }
        return try await sql.raw("SELECT COUNT(*) AS count FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)")
            .first(decoding: Count.self)!.count
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Bcrypt hashes of test passwords, computed once per process (cost 4 keeps tests fast; the login path
/// verifies any cost).
actor PasswordHashes {
    static let shared = PasswordHashes()
    private var hashes: [String: String] = [:]

    func hash(_ password: String) async throws -> String {
        if let hash = hashes[password] { return hash }
        let hash = try await Passwords(cost: 4).hash(password)
        hashes[password] = hash
        return hash
    }
}
