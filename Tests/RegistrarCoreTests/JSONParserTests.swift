import Foundation
import RegistrarCore
import XCTest

/// Request bodies are parsed in one linear pass with a nesting limit of 32, giving the values the
/// `Decodable` conformance of `JSONValue` gives (which stays the reference here).
final class JSONParserTests: XCTestCase {
    static let samples = [
        "1", "1.0", "1e2", "1E2", "-0", "-0.0", "1.5", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "1e400", "123456789012345678901234567890", "01", "-", "1.",
        ".5", "+1", #""a\u0000b""#, #""\ud800""#, #""\udc00x""#, #""\ud83d\ude00""#, #"{"a":1,"a":2}"#, " [1, 2 ] ", "[1,]",
        #"{"a":1,}"#, "\"\t\"", "true ", "nul", "[]x", "1 2", #""\/""#, #""\x""#, "0.1e-400", "2.0e0", "1e-2",
        "100e-2", "1.5e1", "12345678901234567890.0", #"{"k": [true, false, null, "中文", {"x": -2.5e-3}]}"#, "",
        "[", "{", #"{"a"}"#, #"{"a":}"#, "[,]", "{,}", #""é""#, #"{"n": 3, "s": "t"}"#, "\"\u{7F}\"",
    ]

    func testParsesLikeTheDecoder() throws {
        for sample in Self.samples {
            let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(sample.utf8))
            let parsed = try? JSONValue.parse(Array(sample.utf8))
            XCTAssertEqual(parsed, reference, sample)
        }
    }

    func testNestingDeeperThan32IsRefused() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"a":"#, count: depth - 1) + "[1]" + String(repeating: "}", count: depth - 1)
        }
        XCTAssertNoThrow(try JSONValue.parse(Array(nested(32).utf8)))
        XCTAssertThrowsError(try JSONValue.parse(Array(nested(33).utf8))) { error in
            XCTAssertEqual(error as? JSONParser.Failure, .tooDeep)
        }
    }

    /// 1 MiB of nested objects (the input that cost minutes through `Decodable`): refused at once.
    func testPathologicalMegabyteIsRefusedFast() throws {
        let chain = String(repeating: #"{"a":"#, count: (1 << 20) / 5)
        let started = Date()
        XCTAssertThrowsError(try JSONValue.parse(Array(chain.utf8)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }

    /// 1 MiB of chains each 30 deep (within the limit): parsed in linear time.
    func testMegabyteOfAllowedNestingParsesFast() throws {
        let chain = String(repeating: #"{"a":"#, count: 29) + "1" + String(repeating: "}", count: 29)
        let count = (1 << 20) / (chain.utf8.count + 1)
        let body = "[" + Array(repeating: chain, count: count).joined(separator: ",") + "]"
        let started = Date()
        guard case .array(let items) = try JSONValue.parse(Array(body.utf8)) else { return XCTFail("not an array") }
        XCTAssertEqual(items.count, count)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }
}

/// Numbers in request text are checked by one-pass scanners, never by backtracking patterns.
final class NumberTextTests: XCTestCase {
    func testDecimalGrammar() {
        let pattern = #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#
        for text in ["1", "-1", "+1.5", "1.", ".5", ".", "", "+", "1e5", "1E-5", "1e", "1e+", "1.2.3", "a1", "1a", "0x10", " 1", "1_000", "-.5e+3"] {
            XCTAssertEqual(NumberText.isDecimal(text), text.range(of: pattern, options: .regularExpression) != nil, text)
        }
        XCTAssertFalse(NumberText.isDecimal("١٢"), "ASCII digits only")
        XCTAssertTrue(NumberText.isInteger("-12"))
        XCTAssertFalse(NumberText.isInteger("-"))
        XCTAssertFalse(NumberText.isInteger("1.0"))
        XCTAssertFalse(NumberText.isInteger("١"))
    }

    func testHugeDigitRunIsScannedFast() {
        let text = String(repeating: "7", count: 12_000) + "x"
        let started = Date()
        for _ in 0..<10 { XCTAssertFalse(NumberText.isDecimal(text)) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }
}
