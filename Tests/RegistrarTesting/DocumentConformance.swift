import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore

/// Checks answers against an API's OpenAPI document: the answer's status must be documented for the operation,
/// and a JSON body must match the documented schema. Router tests run every request through it, so the document
/// cannot drift from what the handlers write.
public struct DocumentConformance: Sendable {
    private let paths: [(segments: [Substring], operations: [String: JSONValue])]
    private let schemas: [String: JSONValue]

    public init(json: String) throws {
        let document = try JSONParser.parse(Array(json.utf8), maxDepth: 512)
        guard case .object(let pathMembers)? = document["paths"] else { throw ConformanceError("no paths") }
        paths = pathMembers.map { path, value in
            guard case .object(let operations) = value else { return ([], [:]) }
            return (path.split(separator: "/"), operations)
        }
        if case .object(let members)? = document["components"]?["schemas"] { schemas = members } else { schemas = [:] }
    }

    struct ConformanceError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// What is wrong with this answer, if anything (nil = conforms, or no operation matches the request).
    public func violation(method: HTTPRequest.Method, path: String, status: Int, body: ByteBuffer) -> String? {
        let segments = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
        guard let operation = operation(method.rawValue.lowercased(), segments) else { return nil }
        guard case .object(let responses)? = operation["responses"] else { return "no responses documented" }
        guard let response = responses[String(status)] ?? responses["default"] else {
            return "HTTP \(status) is not documented (documented: \(responses.keys.sorted().joined(separator: ", ")))"
        }
        guard let schema = response["content"]?["application/json"]?["schema"] else { return nil }
        let value: JSONValue
        do { value = try JSONParser.parse(body.readableBytesView, maxDepth: 512) } catch { return "the body is not JSON" }
        var problems: [String] = []
        check(value, against: schema, at: "$", problems: &problems)
        return problems.isEmpty ? nil : problems.prefix(5).joined(separator: "; ")
    }

    private func operation(_ method: String, _ segments: [Substring]) -> JSONValue? {
        // As the router matches: literal paths win over templated ones (`/order/check_order` over `/order/{id}`);
        // a method the matched path does not document is not an operation (the router answers 405).
        let matches = paths.filter { candidate in
            candidate.segments.count == segments.count
                && zip(candidate.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        let best = matches.min { $0.segments.filter { $0.hasPrefix("{") }.count < $1.segments.filter { $0.hasPrefix("{") }.count }
        return best?.operations[method]
    }

    /// The subset of JSON Schema the documents use.
    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, problems: inout [String]) {
        guard case .object(let keywords) = schema else { return }
        if case .string(let ref)? = keywords["$ref"] {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = schemas[name] else { problems.append("\(path): unknown \(ref)"); return }
            check(value, against: target, at: path, problems: &problems)
            return
        }
        if case .array(let options)? = keywords["anyOf"] {
            var reasons: [String] = []
            for option in options {
                var local: [String] = []
                check(value, against: option, at: path, problems: &local)
                if local.isEmpty { return }
                reasons.append(local.first!)
            }
            problems.append("\(path): matches no anyOf option (\(reasons.joined(separator: " | ")))")
            return
        }
        if let constant = keywords["const"], !same(constant, value) {
            problems.append("\(path): \(describe(value)) is not the constant \(describe(constant))")
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(where: { same($0, value) }) {
            problems.append("\(path): \(describe(value)) is not one of \(allowed.map(describe).joined(separator: ", "))")
        }
        if let type = keywords["type"] {
            let types: [String]
            switch type {
            case .string(let one): types = [one]
            case .array(let many): types = many.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
            default: types = []
            }
            guard types.contains(where: { matches(value, type: $0) }) else {
                problems.append("\(path): \(describe(value)) is not \(types.joined(separator: " or "))")
                return
            }
        }
        switch value {
        case .object(let members):
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where members[name] == nil { problems.append("\(path): missing \(name)") }
            }
            if case .int(let max)? = keywords["maxProperties"], members.count > max {
                problems.append("\(path): more than \(max) members")
            }
            let properties: [String: JSONValue]
            if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
            for (name, member) in members {
                if let memberSchema = properties[name] {
                    check(member, against: memberSchema, at: "\(path).\(name)", problems: &problems)
                } else if let extra = keywords["additionalProperties"] {
                    check(member, against: extra, at: "\(path).\(name)", problems: &problems)
                }
            }
        case .array(let items):
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", problems: &problems) }
            }
        case .int, .double:
            let number = value.number
            if case .int(let min)? = keywords["minimum"], number < Double(min) { problems.append("\(path): below \(min)") }
            if case .int(let max)? = keywords["maximum"], number > Double(max) { problems.append("\(path): above \(max)") }
        case .string(let text):
            if case .int(let max)? = keywords["maxLength"], text.count > max { problems.append("\(path): longer than \(max)") }
        default:
            break
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .int), ("number", .double), ("integer", .int): return true
        case ("integer", .double(let v)): return v == v.rounded()
        default: return false
        }
    }

    private func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int, .double), (.double, .int), (.int, .int), (.double, .double): return a.number == b.number
        default: return a == b
        }
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let v): return String(v)
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let v): return "\"\(v.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue {
    fileprivate var number: Double {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return .nan
        }
    }
}

/// A test client that checks every answer against the document before handing it to the test
/// (`report` receives each mismatch; test support passes `XCTFail`).
public struct ConformingClient: TestClientProtocol {
    let base: any TestClientProtocol
    let conformance: DocumentConformance
    let report: @Sendable (String) -> Void

    public init(_ base: any TestClientProtocol, conformance: DocumentConformance, report: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.conformance = conformance
        self.report = report
    }

    public var port: Int? { base.port }

    public func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        let response = try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
        if method != .head, let problem = conformance.violation(method: method, path: uri, status: Int(response.status.code), body: response.body) {
            report("\(method) \(uri) does not match the OpenAPI document: \(problem)")
        }
        return response
    }
}
