import AsyncHTTPClient
import Foundation
import NIOCore
import RegistrarTesting
import XCTest

/// Runs the real `registrar serve` binary on free ports and talks to it over HTTP.
final class LiveServerTests: XCTestCase {
    func testServeAnswersHealthOnBothPortsAndStopsCleanly() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("registrar")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "registrar binary not built at \(binary.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--summer-port", "0", "--tutoring-port", "0"]
        var environment = ProcessInfo.processInfo.environment
        // A new SQLite file in a folder that does not exist yet, or the CI PostgreSQL.
        environment["REGISTRAR_DATABASE_URL"] = TestDatabase.postgresURL ?? "sqlite://\(folder.path)/sub/registrar.sqlite"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()

        let ports = try await Self.listeningPorts(in: output.fileHandleForReading, count: 2)
        for port in ports.values {
            let response = try await HTTPClient.shared.execute(.init(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(10))
            XCTAssertEqual(response.status, .ok)
            let body = try await response.body.collect(upTo: 1024)
            XCTAssertEqual(String(buffer: body), #"{"status":"ok"}"#)
        }
        XCTAssertEqual(Set(ports.keys), ["summer", "tutoring"])
        if TestDatabase.postgresURL == nil {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/sub/registrar.sqlite"))
        }

        process.interrupt()  // SIGINT: graceful shutdown
        let exited = await Task.detached { process.waitUntilExit(); return process.terminationStatus }.value
        XCTAssertEqual(exited, 0)
    }

    /// Reads the startup log until `count` "<name> API listening on http://host:port" (or "metrics listening on …")
    /// lines appeared.
    static func listeningPorts(in handle: FileHandle, count: Int) async throws -> [String: Int] {
        try await Task.detached {
            var text = ""
            var ports: [String: Int] = [:]
            let deadline = Date().addingTimeInterval(60)
            let pattern = try NSRegularExpression(pattern: #"(\w+) (?:API )?listening on http://[^:]+:(\d+)"#)
            while ports.count < count, Date() < deadline {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let name = String(text[Range(match.range(at: 1), in: text)!])
                    ports[name] = Int(text[Range(match.range(at: 2), in: text)!])
                }
            }
            guard ports.count == count else { throw CocoaError(.fileReadUnknown, userInfo: ["log": text]) }
            return ports
        }.value
    }
}
