import Foundation
import HummingbirdTesting
import NIOCore
import RegistrarCore

extension TestResponse {
    /// The body parsed as JSON.
    public var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? .null
    }

    /// The envelope's `code` (nil when the body is not an envelope).
    public var code: Int? { json["code"]?.intValue }
    public var msg: String? { json["msg"]?.stringValue }
    public var fieldName: String? { json["field_name"]?.stringValue }
    public var data: JSONValue? { json["data"] }

    public var bodyText: String { String(buffer: body) }
}

extension JSONValue {
    public subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public subscript(_ index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case .int(let v): return Int(v)
        case .double(let v) where v == v.rounded(): return Int(v)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let v) = self { return v }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let v) = self { return v }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let v) = self { return v }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let v) = self { return v }
        return nil
    }

    public var isNull: Bool { self == .null }
}

/// JSON request bodies for tests.
public func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
}
