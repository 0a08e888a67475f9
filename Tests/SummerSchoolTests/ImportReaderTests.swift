import Foundation
import XCTest
@testable import SummerSchool

/// The incremental reader of the export's top-level array.
final class ImportReaderTests: XCTestCase {
    private func elements(_ text: String, chunk: Int = 3) throws -> [String] {
        var reader = DumpReader(source: .bytes(Data(text.utf8), chunk: chunk))
        var result: [String] = []
        while let bytes = try reader.next() { result.append(String(decoding: bytes, as: UTF8.self)) }
        return result
    }

    func testElementsAreYieldedOneAtATimeWhateverTheLayout() throws {
        XCTAssertEqual(try elements("[]"), [])
        XCTAssertEqual(try elements(" \n[ ]\n"), [])
        XCTAssertEqual(try elements("\u{FEFF}[{\"a\": \"}]{[\\\"\"}, {\"b\": [1, {\"c\": 2}]}]"),
                       ["{\"a\": \"}]{[\\\"\"}", "{\"b\": [1, {\"c\": 2}]}"])
        XCTAssertEqual(try elements("[\n {\n  \"model\": \"x\"\n }\n]", chunk: 1), ["{\n  \"model\": \"x\"\n }"])
    }

    func testMalformedExportsAreRefused() {
        for text in ["", "{}", "[1]", "[{}", "[{} {}]", "[{}] x", "[{\"a\": \"unterminated}]", "[{]}]"] {
            XCTAssertThrowsError(try elements(text), text) { error in
                XCTAssertTrue(error is ImportFailure, "\(text): \(error)")
            }
        }
    }

    func testNestingAndLengthAreBounded() {
        let deep = "[{\"a\": " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}]"
        XCTAssertThrowsError(try elements(deep, chunk: 4096)) { error in
            XCTAssertTrue("\(error)".contains("deeper"), "\(error)")
        }
        let long = "[{\"a\": \"" + String(repeating: "x", count: DumpReader.maxObjectBytes) + "\"}]"
        XCTAssertThrowsError(try elements(long, chunk: 1 << 16)) { error in
            XCTAssertTrue("\(error)".contains("longer"), "\(error)")
        }
    }

    func testMoneyAndGPARounding() throws {
        func cents(_ value: Double) throws -> Int64 {
            var fields = RecordFields(try DumpRecord.decode(
                try JSONSerialization.data(withJSONObject: ["model": "m", "pk": 1, "fields": ["v": value]]), element: 1))
            return try fields.money("v")
        }
        XCTAssertEqual(try cents(28099.800000000003), 2_809_980)
        XCTAssertEqual(try cents(23120.0), 2_312_000)
        XCTAssertEqual(try cents(0.1 + 0.2), 30)
        XCTAssertEqual(try cents(1.005), 101)
        XCTAssertEqual(try cents(-1.005), -101)
        XCTAssertEqual(try cents(3300.2999999999997), 330_030)
        XCTAssertEqual(ImportValues.twoPlaces("3.415"), 3.42)
        XCTAssertEqual(ImportValues.twoPlaces("3.18"), 3.18)
        XCTAssertEqual(try ImportValues.campuses("[\"1\", 3]"), "[\"1\",\"3\"]")
        XCTAssertEqual(try ImportValues.campuses("杭州校区"), "[\"杭州校区\"]")
        XCTAssertNil(try ImportValues.campuses("[1,"))
    }
}
