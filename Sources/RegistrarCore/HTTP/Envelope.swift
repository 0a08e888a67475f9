import Foundation
import Hummingbird

/// The JSON envelope both APIs answer with: `{code, msg, data, field_name}` and the variants their contracts
/// describe (no `data` key, no `field_name` key, extra top-level members).
public struct Envelope<Data: Encodable & Sendable>: ResponseGenerator, Encodable, Sendable {
    public var code: Int
    public var msg: String
    /// `nil` with `includesData` set renders `"data": null`.
    public var data: Data?
    public var includesData: Bool
    /// `nil` leaves the `field_name` key out.
    public var fieldName: String?
    /// Extra integer members beside `data` (the tutoring lesson list puts its page numbers there).
    public var extras: [(String, Int)]
    public var status: HTTPResponse.Status

    public init(
        code: Int = 0, msg: String, data: Data?, includesData: Bool = true, fieldName: String? = nil,
        extras: [(String, Int)] = [], status: HTTPResponse.Status = .ok
    ) {
        self.code = code
        self.msg = msg
        self.data = data
        self.includesData = includesData
        self.fieldName = fieldName
        self.extras = extras
        self.status = status
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(code, forKey: Key("code"))
        try container.encode(msg, forKey: Key("msg"))
        if includesData {
            if let data { try container.encode(data, forKey: Key("data")) } else { try container.encodeNil(forKey: Key("data")) }
        }
        for (key, value) in extras { try container.encode(value, forKey: Key(key)) }
        if let fieldName { try container.encode(fieldName, forKey: Key("field_name")) }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ResponseCode.record(code)
        return try JSONBody.response(self, status: status)
    }
}

/// An empty JSON object, `{}`.
public struct EmptyObject: Codable, Sendable, Equatable {
    public init() {}
}

/// Shared JSON rendering: compact, UTF-8, slashes unescaped (URLs stay readable); `StreamingJSON` writes
/// what it can, `JSONEncoder` the rest.
public enum JSONBody {
    public static func encode(_ value: some Encodable) throws -> ByteBuffer {
        if let bytes = StreamingJSON.encode(value) { return ByteBuffer(bytes: bytes) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return ByteBuffer(data: try encoder.encode(value))
    }

    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: try encode(value)))
    }
}

/// The envelope code of the response being produced, for the request log line.
public final class ResponseCode: @unchecked Sendable {
    // Written and read by the one task handling the request.
    public var value: Int?

    @TaskLocal static var current: ResponseCode?

    public static func record(_ code: Int) { current?.value = code }
}
