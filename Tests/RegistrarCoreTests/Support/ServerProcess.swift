import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import XCTest

/// The real `registrar` binary (built beside the test bundle), run as a child process.
struct RegistrarBinary {
    let url: URL

    /// The binary, or an XCTest skip when it was not built.
    static func located() throws -> RegistrarBinary {
        let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("registrar")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: url.path), "registrar binary not built at \(url.path)")
        return RegistrarBinary(url: url)
    }

    /// Runs a one-shot subcommand to completion; returns its exit status and output.
    func run(_ arguments: [String], databaseURL: String) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRAR_DATABASE_URL"] = databaseURL
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return await Task.detached {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }.value
    }

    /// Starts `registrar serve` on free ports and waits until every API listens.
    func serve(databaseURL: String, extra: [String] = [], environment extraEnvironment: [String: String] = [:]) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = url
        process.arguments = ["serve", "--summer-port", "0", "--tutoring-port", "0"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRAR_DATABASE_URL"] = databaseURL
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let expected = 2 + (extra.contains("--metrics-port") ? 1 : 0)
        let ports = try await LiveServerTests.listeningPorts(in: output.fileHandleForReading, count: expected)
        return ServerProcess(process: process, ports: ports)
    }
}

/// A running `registrar serve`.
struct ServerProcess {
    let process: Process
    let ports: [String: Int]

    func url(_ api: String, _ path: String) -> String { "http://127.0.0.1:\(ports[api]!)\(path)" }

    /// SIGINT, then waits for the exit status.
    func stop() async -> Int32 {
        process.interrupt()
        return await Task.detached { process.waitUntilExit(); return process.terminationStatus }.value
    }
}

/// One HTTP exchange with a live server: status, headers and the envelope's parts.
struct LiveResponse {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let json: [String: Any]

    var code: Int? { json["code"] as? Int }
    var data: [String: Any]? { json["data"] as? [String: Any] }

    static func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], json body: [String: Any]? = nil
    ) async throws -> LiveResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any] ?? [:]
        return LiveResponse(status: response.status, headers: response.headers, json: json)
    }
}
