import Foundation

/// Compact JSON written straight into bytes while `encode(to:)` runs: the text `JSONEncoder` produces with
/// `.withoutEscapingSlashes` (same escapes, same integers; members in encoding order), without the
/// intermediate tree `JSONEncoder` builds first — the response encoder of every envelope.
///
/// It writes strings, integers, booleans, null, objects and arrays. Anything else — floating point, `Date`,
/// `Data`, `URL`, `Decimal` (which `JSONEncoder` renders specially), a super-encoder, a container opened twice
/// or used after a later sibling — makes it give up (`nil`), and the caller uses `JSONEncoder` instead.
public enum StreamingJSON {
    /// The JSON text of `value`, or nil when `JSONEncoder` must write it.
    public static func encode(_ value: some Encodable) -> [UInt8]? {
        let sink = JSONSink()
        sink.writeValue(value)
        sink.close(downTo: 0)
        return sink.failed ? nil : sink.bytes
    }
}

/// The output and the stack of open objects and arrays. A container writes only while it is the innermost
/// open one; using an outer container closes the inner ones first, as their text is complete by then.
final class JSONSink {
    struct Frame {
        let id: Int
        let isObject: Bool
        var hasMembers: Bool
    }

    var bytes: [UInt8] = []
    var failed = false
    private var frames: [Frame] = []
    private var lastID = 0

    init() {
        bytes.reserveCapacity(4096)
    }

    var depth: Int { frames.count }

    /// Opens an object or array at the current position; returns its id.
    func open(object: Bool) -> Int {
        lastID += 1
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frames.append(Frame(id: lastID, isObject: object, hasMembers: false))
        return lastID
    }

    /// Closes open containers until `depth` remain.
    func close(downTo depth: Int) {
        while frames.count > depth {
            bytes.append(frames.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Makes container `id` the innermost one and starts its next member (the comma); false — and the
    /// whole encoding given up — when that container was already closed.
    func member(of id: Int) -> Bool {
        if failed { return false }
        guard let index = frames.lastIndex(where: { $0.id == id }) else {
            failed = true
            return false
        }
        close(downTo: index + 1)
        if frames[index].hasMembers { bytes.append(UInt8(ascii: ",")) }
        frames[index].hasMembers = true
        return true
    }

    func writeKey(_ key: some CodingKey) {
        writeString(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func writeBool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    func writeInteger(_ value: some FixedWidthInteger) { bytes.append(contentsOf: String(value).utf8) }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Escapes as `JSONEncoder` does: `"` `\` and the control characters, short forms where JSON has them.
    func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = value
        copy.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes any value at the current position (after a key, a comma or at the top).
    func writeValue<T: Encodable>(_ value: T) {
        if failed { return }
        // Type identity, not dynamic casts: this runs for every member whose type is not known statically.
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            writeInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == Int64.self {
            writeInteger(unsafeBitCast(value, to: Int64.self))
        } else if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self {
            failed = true
        } else {
            let depth = depth
            let encoder = JSONValueEncoder(sink: self)
            do { try value.encode(to: encoder) } catch { failed = true }
            // A value that wrote nothing: JSONEncoder's `{}` inside a container, an error at the top.
            if !encoder.wrote {
                if depth == 0 { failed = true } else { bytes.append(contentsOf: "{}".utf8) }
            }
            close(downTo: depth)
        }
    }
}

/// The encoder of one value: it may open one container (or write one single value), once.
final class JSONValueEncoder: Encoder {
    let sink: JSONSink
    private(set) var wrote = false

    init(sink: JSONSink) {
        self.sink = sink
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// True the first time; a second container for the same value gives the encoding up.
    private func claim() -> Bool {
        if wrote { sink.failed = true; return false }
        wrote = true
        return true
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = claim() ? sink.open(object: true) : -1
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(sink: sink, id: id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = claim() ? sink.open(object: false) : -1
        return JSONUnkeyedContainer(sink: sink, id: id)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    fileprivate func single(_ write: () -> Void) {
        if claim(), !sink.failed { write() }
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let id: Int
    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key, _ write: () -> Void) {
        guard sink.member(of: id) else { return }
        sink.writeKey(key)
        write()
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { sink.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { sink.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { sink.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { sink.failed = true }
    mutating func encode(_ value: Float, forKey key: Key) throws { sink.failed = true }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { member(key) { sink.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        var nested = -1
        member(key) { nested = sink.open(object: true) }
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(sink: sink, id: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        var nested = -1
        member(key) { nested = sink.open(object: false) }
        return JSONUnkeyedContainer(sink: sink, id: nested)
    }

    mutating func superEncoder() -> any Encoder { sink.failed = true; return JSONValueEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { sink.failed = true; return JSONValueEncoder(sink: sink) }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    let id: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(sink: JSONSink, id: Int) {
        self.sink = sink
        self.id = id
    }

    private mutating func element(_ write: (JSONSink) -> Void) {
        count += 1
        guard sink.member(of: id) else { return }
        write(sink)
    }

    mutating func encodeNil() throws { element { $0.writeNull() } }
    mutating func encode(_ value: Bool) throws { element { $0.writeBool(value) } }
    mutating func encode(_ value: String) throws { element { $0.writeString(value) } }
    mutating func encode(_ value: Double) throws { sink.failed = true }
    mutating func encode(_ value: Float) throws { sink.failed = true }
    mutating func encode(_ value: Int) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { element { $0.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { element { $0.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        var nested = -1
        element { nested = $0.open(object: true) }
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(sink: sink, id: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        var nested = -1
        element { nested = $0.open(object: false) }
        return JSONUnkeyedContainer(sink: sink, id: nested)
    }

    mutating func superEncoder() -> any Encoder { sink.failed = true; return JSONValueEncoder(sink: sink) }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { [] }
    private var sink: JSONSink { encoder.sink }

    mutating func encodeNil() throws { encoder.single { sink.writeNull() } }
    mutating func encode(_ value: Bool) throws { encoder.single { sink.writeBool(value) } }
    mutating func encode(_ value: String) throws { encoder.single { sink.writeString(value) } }
    mutating func encode(_ value: Double) throws { sink.failed = true }
    mutating func encode(_ value: Float) throws { sink.failed = true }
    mutating func encode(_ value: Int) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { encoder.single { sink.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single { sink.writeValue(value) } }
}
