import Foundation
import RegistrarCore
import XCTest

/// `StreamingJSON` writes the same JSON as `JSONEncoder` (members in encoding order), and gives up on what it
/// does not write itself so that `JSONBody` falls back.
final class StreamingJSONTests: XCTestCase {
    private static func foundation(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    private static func streamed(_ value: some Encodable) throws -> Data {
        Data(try XCTUnwrap(StreamingJSON.encode(value), "StreamingJSON gave up on \(value)"))
    }

    /// Same JSON value (JSONEncoder's member order varies from process to process, so objects are compared parsed).
    private static func assertSameJSON(_ value: some Encodable, file: StaticString = #filePath, line: UInt = #line) throws {
        let parsed = { (data: Data) in try JSONDecoder().decode(JSONValue.self, from: data) }
        XCTAssertEqual(try parsed(try streamed(value)), try parsed(try foundation(value)), file: file, line: line)
    }

    func testStringsAreEscapedByteForByteLikeJSONEncoder() throws {
        var every = ""
        for scalar in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        let strings = [every, "", "中文 😀 \u{2028}\u{2029}\u{FEFF}", "a/b\\c\"d", "http://x/y?z=1&w=%20"]
        XCTAssertEqual(try Self.streamed(strings), try Self.foundation(strings))
        XCTAssertEqual(try Self.streamed("top"), try Self.foundation("top"))
    }

    func testIntegersBooleansAndNullAreWrittenLikeJSONEncoder() throws {
        let values: [Int?] = [0, -1, 42, Int.min, Int.max, nil]
        XCTAssertEqual(try Self.streamed(values), try Self.foundation(values))
        XCTAssertEqual(try Self.streamed([UInt64.max]), try Self.foundation([UInt64.max]))
        XCTAssertEqual(try Self.streamed([Int8.min]), try Self.foundation([Int8.min]))
        XCTAssertEqual(try Self.streamed([true, false]), try Self.foundation([true, false]))
    }

    struct Empty: Codable {}
    struct Lesson: Codable { var id: Int; var name: String; var note: String? }
    struct Order: Codable {
        var orderID: Int
        var name: String
        var paid: Bool
        var note: String?
        var confirmer: String?
        var lesson: [Lesson]
        var tags: [String: Int]
        var empty: Empty
        var nested: [[Int]]
    }

    struct Custom: Encodable {
        enum Key: String, CodingKey { case a, b, c, d }
        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(1, forKey: .a)
            var inner = out.nestedContainer(keyedBy: Key.self, forKey: .b)
            try inner.encode("x", forKey: .a)
            var list = inner.nestedUnkeyedContainer(forKey: .b)
            try list.encode(1)
            try list.encodeNil()
            var deep = list.nestedContainer(keyedBy: Key.self)
            try deep.encode(true, forKey: .c)
            try out.encodeNil(forKey: .c)
            try out.encode(Lesson(id: 2, name: "n", note: nil), forKey: .d)
        }
    }

    func testObjectsArraysAndNestedContainersMatchJSONEncoder() throws {
        let order = Order(
            orderID: 7, name: "张三", paid: true, note: nil, confirmer: "李四",
            lesson: [Lesson(id: 1, name: "数学", note: "a\nb"), Lesson(id: 2, name: "", note: nil)],
            tags: ["x": 1, "y": 2], empty: Empty(), nested: [[], [1, 2]])
        try Self.assertSameJSON(order)
        try Self.assertSameJSON([order, order])
        try Self.assertSameJSON(Custom())
        try Self.assertSameJSON(Envelope(msg: "成功", data: order, extras: [("page", 1)]))
        try Self.assertSameJSON(Envelope<EmptyObject>(code: 409, msg: "冲突", data: nil, includesData: false, fieldName: "name"))
        try Self.assertSameJSON(Envelope(msg: "成功", data: EmptyObject()))
        try Self.assertSameJSON(JSONValue.object(["a": .array([.int(1), .string("s"), .null, .bool(false)])]))
    }

    func testMembersKeepTheirEncodingOrder() throws {
        let text = String(decoding: try Self.streamed(Envelope(msg: "成功", data: Lesson(id: 1, name: "n", note: nil))), as: UTF8.self)
        XCTAssertEqual(text, #"{"code":0,"msg":"成功","data":{"id":1,"name":"n"}}"#)
    }

    struct Reopened: Encodable {
        enum Key: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            var first = out.nestedContainer(keyedBy: Key.self, forKey: .a)
            try out.encode(1, forKey: .b)
            try first.encode(2, forKey: .a)  // after a later sibling: JSONEncoder can, a stream cannot
        }
    }

    struct Super: Encodable {
        enum Key: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try Lesson(id: 1, name: "n", note: nil).encode(to: out.superEncoder())
        }
    }

    func testWhatItDoesNotWriteFallsBackToJSONEncoder() throws {
        let fallbacks: [any Encodable] = [
            [1.5], ["d": Date(timeIntervalSince1970: 0)], [Data([1, 2])], [URL(string: "http://x/y")!],
            [Decimal(string: "1.25")!], Reopened(), Super(), Float(1),
        ]
        for value in fallbacks {
            XCTAssertNil(StreamingJSON.encode(value), "\(value)")
            let body = try JSONBody.encode(value)
            let parsed = { (data: Data) in try JSONDecoder().decode(JSONValue.self, from: data) }
            XCTAssertEqual(try parsed(Data(body.readableBytesView)), try parsed(try Self.foundation(value)), "\(value)")
        }
        XCTAssertEqual(String(buffer: try JSONBody.encode(["a": 1])), #"{"a":1}"#)
    }
}
