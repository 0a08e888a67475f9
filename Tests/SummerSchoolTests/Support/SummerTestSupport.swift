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
@testable import SummerSchool

/// A fresh migrated database, the summer app on it, and helpers to make accounts and tickets.
struct SummerTestEnv: Sendable {
    let database: RegistrarDatabase
    let app: SummerSchoolApp
    var sql: any SQLDatabase { database.sql }

    /// Runs `body` with a test client of the summer router (stub WeChat unless told otherwise — nil = what the
    /// settings call for —, low bcrypt cost).
    static func run(
        settings: SummerSettings = SummerSettings(mediaRoot: FileManager.default.temporaryDirectory.appendingPathComponent("summer-media-\(UUID().uuidString)").path),
        wechat: (any WeChatClient)? = StubWeChatClient(),
        _ body: @escaping @Sendable (SummerTestEnv, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with(migrations: SummerSchoolApp.migrations) { database in
            var logger = Logger(label: "summer.test")
            logger.logLevel = .warning
            let app = SummerSchoolApp(
                database: database, logger: logger, settings: settings, wechat: wechat, passwords: Passwords(cost: 4))
            let env = SummerTestEnv(database: database, app: app)
            let application = Application(router: app.router())
            let conformance = try DocumentConformance(json: app.openAPIDocument().json)
            try await application.test(.router) { client in
                try await body(env, ConformingClient(client, conformance: conformance) { XCTFail($0) })
            }
        }
    }

    /// Inserts an account directly (bcrypt hash of `password`); students get an empty profile unless told otherwise.
    @discardableResult
    func makeUser(
        _ username: String, password: String? = "secret123", role: Role = .student, active: Bool = true,
        profile: Bool? = nil
    ) async throws -> Int {
        struct ID: Decodable { let id: Int }
        let hash: String?
        if let password { hash = try await Passwords(cost: 4).hash(password) } else { hash = nil }
        let now = SummerTime.now()
        let row = try await sql.raw("""
            INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) \
            VALUES (\(bind: username), \(bind: hash), \(bind: String?.none), \(bind: role.rawValue), \(bind: active), \(bind: false), \(bind: now)) \
            RETURNING id
            """).first(decoding: ID.self)!
        if profile ?? (role == .student) { try await makeProfile(userID: row.id) }
        return row.id
    }

    /// An empty profile (identity §3.3 step 5 defaults); returns its id.
    @discardableResult
    func makeProfile(userID: Int, name: String = "", email: String = "", wechat: String = "", wcampus: String = "") async throws -> Int {
        struct ID: Decodable { let id: Int }
        return try await sql.raw("""
            INSERT INTO summer_student_info (user_id, name, email, wechat, cschool, wcampus, create_time, phone, valid_sales_man) \
            VALUES (\(bind: userID), \(bind: name), \(bind: email), \(bind: wechat), \(bind: ""), \(bind: wcampus), \(bind: SummerTime.now()), \(bind: ""), \(bind: false)) \
            RETURNING id
            """).first(decoding: ID.self)!.id
    }

    /// A valid ticket for `userID`, issued directly (no login round trip).
    func ticket(for userID: Int) async throws -> String {
        try await Tickets.issue(userID: userID, on: sql)
    }

    /// A user of `role` with a ticket: (id, ticket).
    func account(_ username: String, role: Role) async throws -> (id: Int, ticket: String) {
        let id = try await makeUser(username, role: role)
        return (id, try await ticket(for: id))
    }

    /// Logs in through the API and returns the ticket.
    func login(_ client: some TestClientProtocol, _ username: String, _ password: String = "secret123") async throws -> String {
        let response = try await client.execute(
            uri: "/auth/user/login/", method: .post, headers: [.contentType: "application/json"],
            body: jsonBody(["username": username, "password": password]))
        guard let ticket = response.data?["ticket"]?.stringValue else {
            throw TestFailure("login of \(username) failed: \(response.bodyText)")
        }
        return ticket
    }

    /// A count of rows of `table` (to prove that nothing was written).
    func count(_ table: String) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)!.n
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Request helpers: JSON bodies and the ticket cookie.
extension TestClientProtocol {
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, ticket: String? = nil, json: [String: Any]? = nil,
        form: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let ticket { headers[.cookie] = "ticket=\(ticket)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = jsonBody(json)
        } else if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }
}
