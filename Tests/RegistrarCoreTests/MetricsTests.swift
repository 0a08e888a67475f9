import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RegistrarTesting
import XCTest

/// `registrar serve --metrics-port`: Prometheus text on its own listener, labelled by route pattern.
final class MetricsTests: XCTestCase {
    func testMetricsListenerCountsRequestsByRoutePattern() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("registrar")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "registrar binary not built at \(binary.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-metrics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--summer-port", "0", "--tutoring-port", "0", "--metrics-port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRAR_DATABASE_URL"] = TestDatabase.postgresURL ?? "sqlite://\(folder.path)/registrar.sqlite"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let ports = try await LiveServerTests.listeningPorts(in: output.fileHandleForReading, count: 3)
        let summer = try XCTUnwrap(ports["summer"]), tutoring = try XCTUnwrap(ports["tutoring"])
        let metrics = try XCTUnwrap(ports["metrics"])
        XCTAssertNotEqual(metrics, summer)

        for url in [
            "http://127.0.0.1:\(summer)/healthz", "http://127.0.0.1:\(summer)/coupon/coupon/77/?ticket=TK-unknown",
            "http://127.0.0.1:\(summer)/no/such/path/4242", "http://127.0.0.1:\(tutoring)/admin/student/list?page=1",
        ] {
            _ = try await get(url)
        }
        // Never on the public API ports.
        let onAPIPort = try await get("http://127.0.0.1:\(summer)/metrics")
        XCTAssertEqual(onAPIPort.status, .notFound)

        let scrape = try await get("http://127.0.0.1:\(metrics)/metrics")
        XCTAssertEqual(scrape.status, .ok)
        XCTAssertTrue(scrape.contentType.hasPrefix("text/plain"), scrape.contentType)
        let text = scrape.body
        for expected in [
            #"route="/healthz""#, #"route="/coupon/coupon/{id}""#, #"api="summer""#, #"api="tutoring""#,
            #"route="/admin/student/list""#, #"code="401""#, "registrar_request_duration_seconds_bucket",
            "registrar_db_query_duration_seconds", "process_start_time_seconds",
        ] {
            XCTAssertTrue(text.contains(expected), "metrics lack \(expected):\n\(text.prefix(3000))")
        }
        // Raw paths never become labels.
        XCTAssertFalse(text.contains("4242"))
        XCTAssertFalse(text.contains("/coupon/coupon/77"))

        process.interrupt()
        let exited = await Task.detached { process.waitUntilExit(); return process.terminationStatus }.value
        XCTAssertEqual(exited, 0)
    }

    private func get(_ url: String) async throws -> (status: HTTPResponseStatus, contentType: String, body: String) {
        let response = try await HTTPClient.shared.execute(.init(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (response.status, response.headers.first(name: "content-type") ?? "", String(buffer: body))
    }
}
