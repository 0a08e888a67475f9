import Foundation
import Hummingbird
import MultipartKit

/// The named inputs of a request — from its query string or its body (JSON, form or multipart) — before
/// any validation. Each API's field readers turn these into typed values with its own messages.
public struct RequestInput: Sendable {
    public enum Source: Sendable, Equatable { case none, query, json, form, multipart }

    public var source: Source
    public var values: [String: InputValue]

    public init(source: Source = .none, values: [String: InputValue] = [:]) {
        self.source = source
        self.values = values
    }

    public subscript(_ name: String) -> InputValue? { values[name] }


    /// Inputs of `self`, with `other` filling in names `self` lacks.
    public func merging(_ other: RequestInput) -> RequestInput {
        var merged = self
        for (key, value) in other.values where merged.values[key] == nil { merged.values[key] = value }
        if merged.source == .none { merged.source = other.source }
        return merged
    }

    // MARK: Query string

    /// The query string's parameters (`+` and percent escapes decoded).
    public static func query(_ request: Request) -> RequestInput {
        RequestInput(source: .query, values: FormURLEncoded.parse(request.uri.query ?? ""))
    }

    // MARK: Body

    /// Reads and decodes the body under `policy`. An empty body has no inputs.
    public static func body(_ request: Request, policy: BodyPolicy) async throws(InputError) -> RequestInput {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let isMultipart = policy.acceptsMultipart && mediaType == "multipart/form-data"
        let limit = isMultipart ? policy.multipartLimit : policy.textLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw .tooLarge }

        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw .tooLarge
        }
        if buffer.readableBytes == 0 { return RequestInput() }

        if mediaType == "application/x-www-form-urlencoded" {
            return RequestInput(source: .form, values: FormURLEncoded.parse(String(buffer: buffer)))
        }
        if isMultipart {
            return RequestInput(source: .multipart, values: try Multipart.parse(buffer, contentType: contentType))
        }
        if policy.rejectsUnknownTypes, mediaType != "application/json", !mediaType.hasSuffix("+json") {
            throw .unsupportedMediaType(mediaType.isEmpty ? contentType : mediaType)
        }
        return RequestInput(source: .json, values: try JSONObjectBody.parse(buffer).mapValues { .json($0) })
    }
}

/// `application/x-www-form-urlencoded` (and query strings).
enum FormURLEncoded {
    static func parse(_ text: String) -> [String: InputValue] {
        var values: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
        return values.mapValues { .text($0) }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// A JSON body that must be an object.
enum JSONObjectBody {
    static func parse(_ buffer: ByteBuffer) throws(InputError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(buffer.readableBytesView)
        } catch {
            throw .malformedJSON(error.description)
        }
        guard case .object(let members) = value else { throw .notAnObject(value) }
        return members
    }
}

/// `multipart/form-data`: text parts become text inputs, parts with a file name become file inputs.
enum Multipart {
    static func parse(_ buffer: ByteBuffer, contentType: String) throws(InputError) -> [String: InputValue] {
        guard let boundary = boundary(of: contentType) else { throw .malformedMultipart }
        if hasNonASCIIHeaderName(Array(buffer.readableBytesView), boundary: Array("--\(boundary)".utf8)) {
            throw .malformedMultipart
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, body))
            headers = [:]
            body = []
        }
        do { try parser.execute(buffer) } catch { throw .malformedMultipart }

        var texts: [String: [String]] = [:]
        var values: [String: InputValue] = [:]
        for part in parts {
            let disposition = parameters(of: part.headers["content-disposition"] ?? "")
            guard let name = disposition["name"] else { continue }
            if let filename = disposition["filename"] {
                values[name] = .file(filename: filename, bytes: part.body)
            } else {
                texts[name, default: []].append(String(decoding: part.body, as: UTF8.self))
            }
        }
        for (name, list) in texts where values[name] == nil { values[name] = .text(list) }
        return values
    }

    /// Whether a part's header block holds a byte ≥ 0x80 before a line's `:`. MultipartKit looks each byte of
    /// a header name up in a 128-entry table, so such a byte would trap the process instead of failing the
    /// parse; header names are ASCII tokens, so the body is malformed anyway. One pass over the lines: a line
    /// starting with the delimiter opens a header block (its own rest included) that runs to the first empty
    /// line — a superset of every place the parser reads a header name, in time linear in the body.
    static func hasNonASCIIHeaderName(_ bytes: [UInt8], boundary delimiter: [UInt8]) -> Bool {
        var inHeaders = false
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.starts(with: delimiter) {
                inHeaders = true
                line = line.dropFirst(delimiter.count)
            } else if line.isEmpty {
                inHeaders = false
            }
            if inHeaders, line.prefix(while: { $0 != UInt8(ascii: ":") }).contains(where: { $0 >= 0x80 }) { return true }
            start = end + 1
        }
        return false
    }

    static func boundary(of contentType: String) -> String? {
        parameters(of: contentType)["boundary"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `type; a=1; b="two"` → `[a: 1, b: two]`.
    static func parameters(of header: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            result[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return result
    }
}
