import Foundation

/// A JSON parser for request bodies: one pass over the bytes (linear time) with a nesting limit, producing
/// the same values as decoding `JSONValue` with `JSONDecoder` (integral numbers that fit 64 bits are
/// integers, duplicate keys keep the first value, a trailing comma after an element is accepted).
///
/// Decoding `JSONValue` through `Decodable` tries every scalar type at every level, which costs far more
/// than linear time on deeply nested input; request text never goes through it.
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted in a request body.
    public static let maxDepth = 32

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case syntax(offset: Int)
        case tooDeep

        public var description: String {
            switch self {
            case .syntax(let offset): return "invalid JSON at byte \(offset)"
            case .tooDeep: return "JSON nested deeper than \(JSONParser.maxDepth) levels"
            }
        }
    }

    /// Parses one JSON value (surrounded by optional whitespace) from `bytes`.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, maxDepth: Int = JSONParser.maxDepth) throws(Failure) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(Failure) -> JSONValue in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw .syntax(offset: parser.position) }
            return value
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func fail() -> Failure { .syntax(offset: position) }

    private mutating func expect(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail() }
        let start = literal.utf8Start
        for i in 0..<count where bytes[position + i] != start[i] { throw fail() }
        position += count
    }

    // Recursion depth is bounded by `maxDepth`, so the stack stays small whatever the input.
    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard let byte = current else { throw fail() }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail()
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= maxDepth else { throw .tooDeep }
        position += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            guard current == UInt8(ascii: "\"") else { throw fail() }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail() }
            position += 1
            skipWhitespace()
            let member = try value(depth: depth)
            if members[key] == nil { members[key] = member }  // the first of duplicate keys wins
            skipWhitespace()
            guard let next = current else { throw fail() }
            position += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { position -= 1; throw fail() }
            skipWhitespace()
            if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= maxDepth else { throw .tooDeep }
        position += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth))
            skipWhitespace()
            guard let next = current else { throw fail() }
            position += 1
            if next == UInt8(ascii: "]") { return .array(items) }
            guard next == UInt8(ascii: ",") else { position -= 1; throw fail() }
            skipWhitespace()
            if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        }
    }

    private mutating func string() throws(Failure) -> String {
        position += 1  // opening quote
        var result: [UInt8] = []
        var runStart = position
        while true {
            guard position < bytes.count else { throw fail() }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                guard let text = String(validating: result, as: UTF8.self) else { throw fail() }
                return text
            }
            if byte < 0x20 { throw fail() }
            if byte != UInt8(ascii: "\\") { position += 1; continue }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            position += 1
            guard let escape = current else { throw fail() }
            position += 1
            switch escape {
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "/"): result.append(0x2F)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    else { throw fail() }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail() }
                result.append(contentsOf: String(Character(unicode)).utf8)
            default:
                throw fail()
            }
            runStart = position
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// RFC 8259 numbers. Integers that fit 64 bits stay exact; other numbers go through `Double`, and
    /// become integers when their value is integral and representable (`1.0`, `1e2`), as `JSONDecoder` does.
    private mutating func number() throws(Failure) -> JSONValue {
        let start = position
        var integral = true
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw fail() }
        if first == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard skipDigits() > 0 else { throw fail() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw fail() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if integral, let exact = Int64(text) { return .int(exact) }
        guard let double = Double(text), double.isFinite else { throw .syntax(offset: start) }
        if !integral, let exact = Int64(exactly: double) { return .int(exact) }
        return .double(double)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }
}

extension JSONValue {
    /// Parses JSON text from a client (linear time, nesting limited to `JSONParser.maxDepth`).
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(bytes)
    }
}
