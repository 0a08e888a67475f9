import Foundation

/// Where the export's bytes come from: a file, standard input, or bytes in memory (tests).
public struct DumpSource: Sendable {
    /// Returns the next chunk; an empty chunk means the end.
    let next: @Sendable () throws -> Data

    public init(next: @escaping @Sendable () throws -> Data) { self.next = next }

    /// `-` is standard input, anything else a file path.
    public static func path(_ path: String) throws -> DumpSource {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw ImportFailure("cannot open \(path)")
            }
            handle = opened
        }
        return DumpSource { try handle.read(upToCount: 1 << 16) ?? Data() }
    }

    public static func bytes(_ data: Data, chunk: Int = 4096) -> DumpSource {
        let cursor = LockedCursor()
        return DumpSource {
            let start = cursor.take(chunk, limit: data.count)
            return data.subdata(in: start..<min(start + chunk, data.count))
        }
    }
}

private final class LockedCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0
    func take(_ count: Int, limit: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = min(offset, limit)
        offset = min(offset + count, limit)
        return start
    }
}

/// Reads the top-level JSON array of a `dumpdata` export one element at a time, so memory stays bounded
/// whatever the file size: only the current object's bytes are held, and an object deeper or longer than the
/// limits is refused instead of being buffered.
struct DumpReader {
    static let maxObjectBytes = 4 << 20
    static let maxDepth = 32

    private let source: DumpSource
    private var chunk = Data()
    private var index = 0
    private var offset = 0  // bytes consumed before `chunk`
    private var started = false
    private var finished = false
    private(set) var elements = 0

    init(source: DumpSource) { self.source = source }

    /// The bytes of the next array element (always an object), or nil after the closing bracket.
    mutating func next() throws -> Data? {
        if finished { return nil }
        if !started {
            skipBOM()
            guard try nextNonSpace() == UInt8(ascii: "[") else { throw formatError("the export is not a JSON array") }
            started = true
            if try peekNonSpace() == UInt8(ascii: "]") {
                _ = try nextNonSpace()
                try expectEnd()
                return nil
            }
        } else {
            switch try nextNonSpace() {
            case UInt8(ascii: ","): break
            case UInt8(ascii: "]"):
                try expectEnd()
                return nil
            case nil: throw formatError("the export ends inside the array")
            default: throw formatError("expected , or ] after element \(elements)")
            }
        }
        guard try nextNonSpace() == UInt8(ascii: "{") else {
            throw formatError("element \(elements + 1) is not an object")
        }
        elements += 1
        return try readObject()
    }

    /// An object from its opening brace (already consumed) to the matching closing brace.
    private mutating func readObject() throws -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        var depth = 1
        var inString = false
        var escaped = false
        while let byte = try nextByte() {
            bytes.append(byte)
            guard bytes.count <= Self.maxObjectBytes else {
                throw formatError("element \(elements) is longer than \(Self.maxObjectBytes) bytes")
            }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= Self.maxDepth else { throw formatError("element \(elements) nests deeper than \(Self.maxDepth) levels") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    guard byte == UInt8(ascii: "}") else { throw formatError("element \(elements) is malformed") }
                    return Data(bytes)
                }
            default: break
            }
        }
        throw formatError("the export ends inside element \(elements)")
    }

    private mutating func expectEnd() throws {
        finished = true
        if try nextNonSpace() != nil { throw formatError("unexpected text after the closing bracket") }
    }

    private mutating func nextByte() throws -> UInt8? {
        if index == chunk.count {
            offset += chunk.count
            chunk = try source.next()
            index = 0
            if chunk.isEmpty { return nil }
        }
        let byte = chunk[chunk.startIndex + index]
        index += 1
        return byte
    }

    private mutating func nextNonSpace() throws -> UInt8? {
        while let byte = try nextByte() {
            if !Self.isSpace(byte) { return byte }
        }
        return nil
    }

    private mutating func peekNonSpace() throws -> UInt8? {
        guard let byte = try nextNonSpace() else { return nil }
        index -= 1
        return byte
    }

    private mutating func skipBOM() {
        guard let first = try? nextByte() else { return }
        if first == 0xEF {
            _ = try? nextByte()
            _ = try? nextByte()
        } else {
            index -= 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func formatError(_ message: String) -> ImportFailure {
        ImportFailure("malformed export at byte \(offset + index): \(message)")
    }
}
