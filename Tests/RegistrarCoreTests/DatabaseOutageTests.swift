import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

/// PostgreSQL going away and coming back under a running router: requests fail fast with the 500
/// envelope, `/healthz` answers 503, and the same database object recovers without a restart.
/// The outage is played by a TCP proxy between the server and PostgreSQL (`TCPProxy`).
final class DatabaseOutageTests: XCTestCase {
    /// Small bounds so the test is quick; production uses `DatabaseTimeouts.standard`.
    private let timeouts = DatabaseTimeouts(connect: .seconds(1), poolWait: .seconds(2), query: .seconds(2))
    /// What a request may take during the outage (connect + pool wait + one statement, with room
    /// for a loaded machine); without the bounds a black-holed request would never answer.
    private static let outageBound: Duration = .seconds(15)

    func testResetConnectionsFailFastAndRecover() async throws {
        try await playOutage(.reset)
    }

    func testBlackHoledDatabaseFailsFastAndRecovers() async throws {
        try await playOutage(.blackHole)
    }

    private func playOutage(_ kind: TCPProxy.Outage) async throws {
        guard TestDatabase.isPostgres, let directURL = TestDatabase.postgresURL else {
            throw XCTSkip("needs PostgreSQL (REGISTRAR_TEST_DATABASE_URL)")
        }
        // Schema and an administrator, made directly; the server under test goes through the proxy.
        let direct = try await TestDatabase.make(migrations: TutoringApp.migrations)
        _ = try await TutoringApp.createAdmin(name: "值班", phone: "13800000000", password: "secret123", database: direct)
        await direct.shutdown()

        var target = try XCTUnwrap(URLComponents(string: directURL))
        let proxy = try await TCPProxy.start(
            upstreamHost: target.host ?? "127.0.0.1", upstreamPort: target.port ?? 5432)
        target.host = "127.0.0.1"
        target.port = proxy.port
        let database = try RegistrarDatabase(
            url: try DatabaseURL(parsing: try XCTUnwrap(target.string)), logger: CoreTestApp.logger, timeouts: timeouts)
        let router = TutoringApp(database: database, logger: CoreTestApp.logger).router()

        do {
            try await Application(router: router).test(.router) { client in
                // Healthy.
                let health = try await client.execute(uri: "/healthz", method: .get)
                XCTAssertEqual(health.status, .ok)
                let login = try await client.execute(
                    uri: "/admin/user/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"name":"值班","password":"secret123"}"#))
                XCTAssertEqual(login.code, 0, login.bodyText)
                let token = try XCTUnwrap(login.data?["token"]?.stringValue)
                let list = { try await Self.within(Self.outageBound) { try await client.execute(
                    uri: "/admin/student/list?page=1", method: .get, headers: [.authorization: "Bearer \(token)"]) } }
                let before = try await list()
                XCTAssertEqual(before.status, .ok)
                XCTAssertEqual(before.code, 0, before.bodyText)

                // Cut: both answer within the bound.
                proxy.cut(kind)
                let clock = ContinuousClock()
                var started = clock.now
                let down = try await Self.within(Self.outageBound) { try await client.execute(uri: "/healthz", method: .get) }
                XCTAssertEqual(down.status, .serviceUnavailable)
                XCTAssertLessThan(clock.now - started, Self.outageBound)
                for _ in 0..<2 {  // a second round meets the connections the first one left behind
                    started = clock.now
                    let failed = try await list()
                    XCTAssertLessThan(clock.now - started, Self.outageBound)
                    XCTAssertEqual(failed.status, .internalServerError)
                    XCTAssertEqual(failed.code, 500, failed.bodyText)
                    XCTAssertEqual(failed.msg, "服务器内部错误")
                }

                // Restored: the same process answers again.
                proxy.restore()
                started = clock.now
                var healthy = false
                while !healthy, clock.now - started < Self.outageBound {
                    healthy = try await client.execute(uri: "/healthz", method: .get).status == .ok
                    if !healthy { try await Task.sleep(for: .milliseconds(200)) }
                }
                XCTAssertTrue(healthy, "/healthz did not recover")
                let after = try await list()
                XCTAssertEqual(after.status, .ok)
                XCTAssertEqual(after.code, 0, after.bodyText)
            }
        } catch {
            await database.shutdown()
            await proxy.stop()
            throw error
        }
        await database.shutdown()
        await proxy.stop()
    }

    struct Overran: Error {}

    /// Fails instead of hanging when `body` outlives `limit` (a hung request is left behind, as a
    /// client giving up would leave it).
    private static func within<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let first = FirstResult<T>()
        return try await withCheckedThrowingContinuation { continuation in
            first.wait(continuation)
            Task { do { first.settle(.success(try await body())) } catch { first.settle(.failure(error)) } }
            Task { try? await Task.sleep(for: limit); first.settle(.failure(Overran())) }
        }
    }
}

/// Resumes a continuation with whichever result comes first.
private final class FirstResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    func wait(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func settle(_ result: Result<T, any Error>) {
        lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { continuation = nil }
            return continuation
        }?.resume(with: result)
    }
}
