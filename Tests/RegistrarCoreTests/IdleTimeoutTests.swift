import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

/// The servers close HTTP connections left idle (`APIServer.idleTimeout`, 60 s; shortened here).
final class IdleTimeoutTests: XCTestCase {
    func testIdleConnectionIsClosed() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let router = makeAPIRouter(style: .tutoring, database: db, logger: CoreTestApp.logger)
            let app = APIServer.make(
                name: "idle", router: router, host: "127.0.0.1", port: 0, logger: CoreTestApp.logger, idleTimeout: .milliseconds(500))
            try await app.test(.live) { client in
                let port = try XCTUnwrap(client.port)
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port).get()
                let started = Date()
                // Nothing is sent: the server must close the connection by itself.
                let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask { try await channel.closeFuture.get(); return true }
                    group.addTask { try await Task.sleep(nanoseconds: 5_000_000_000); return false }
                    let first = try await group.next()!
                    group.cancelAll()
                    return first
                }
                if !closed { try? await channel.close() }
                XCTAssertTrue(closed, "the idle connection stayed open")
                XCTAssertLessThan(Date().timeIntervalSince(started), 4)
            }
        }
    }
}
