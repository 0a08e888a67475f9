import RegistrarCore
import XCTest
@testable import SummerSchool

final class FieldReaderTests: XCTestCase {
    func json(_ values: [String: JSONValue], _ mode: WriteMode = .create) -> FieldReader {
        FieldReader(RequestInput(source: .json, values: values.mapValues { .json($0) }), mode: mode)
    }

    func form(_ values: [String: [String]], _ mode: WriteMode = .create) -> FieldReader {
        FieldReader(RequestInput(source: .form, values: values.mapValues { .text($0) }), mode: mode)
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as AppError { return error.msg } catch { return "\(error)" }
    }

    func testIntegers() throws {
        XCTAssertEqual(try json(["n": .string(" 2.0 ")]).int("n").value, 2)
        XCTAssertEqual(try json(["n": .double(3)]).int("n").value, 3)
        XCTAssertEqual(message { _ = try json(["n": .double(1.5)]).int("n") }, "请填写合法的整数值。")
        XCTAssertEqual(message { _ = try json(["n": .bool(true)]).int("n") }, "请填写合法的整数值。")
        XCTAssertEqual(message { _ = try json(["n": .int(2_147_483_648)]).int("n") }, "请确保该值小于或者等于 2147483647。")
        XCTAssertEqual(message { _ = try json(["n": .int(-2_147_483_649)]).int("n") }, "请确保该值大于或者等于 -2147483648。")
        XCTAssertEqual(message { _ = try json(["n": .string("99999999999999999999999")]).int("n") }, "请确保该值小于或者等于 2147483647。")
        XCTAssertEqual(message { _ = try json(["n": .int(-1)]).int("n", min: 0) }, "请确保该值大于或者等于 0。")
        XCTAssertEqual(message { _ = try json([:]).int("n") }, "该字段是必填项。")
        XCTAssertNil(try json([:], .patch).int("n").value)
    }

    func testStringLengthsCountCodePoints() throws {
        // "é" written as e + combining accent: one character on screen, two code points (as the original counted).
        let accented = String(repeating: "e\u{301}", count: 16)
        XCTAssertEqual(message { _ = try json(["s": .string(accented)]).string("s", max: 30) }, "请确保这个字段不能超过 30 个字符。")
        XCTAssertEqual(try json(["s": .string(String(repeating: "e\u{301}", count: 15))]).string("s", max: 30).value?.unicodeScalars.count, 30)
        XCTAssertEqual(try json(["s": .string("中文字符")]).string("s", max: 4).value, "中文字符")
    }

    func testNullCharactersAreRefused() throws {
        XCTAssertEqual(message { _ = try json(["s": .string("a\u{0}b")]).string("s", max: 30) }, "不允许包含空字符。")
        XCTAssertEqual(message { _ = try form(["s": ["a\u{0}"]]).string("s") }, "不允许包含空字符。")
        XCTAssertEqual(message { _ = try json(["s": .array([.string("x\u{0}")])]).stringList("s") }, "不允许包含空字符。")
    }

    func testEmptyRelatedIDIsNull() async throws {
        let exists: (Int) async throws -> Bool = { _ in true }
        for reader in [json(["r": .string("")]), form(["r": [""]])] {
            do {
                _ = try await reader.relatedID("r", exists: exists)
                XCTFail("expected a null error")
            } catch let error as AppError {
                XCTAssertEqual(error.msg, "该字段不能为 null。")
                XCTAssertEqual(error.fieldName, "r")
            }
        }
        let nullable = try await json(["r": .string("")]).relatedID("r", nullable: true, exists: exists)
        XCTAssertTrue(nullable.isPresent)
        XCTAssertNil(nullable.value)
    }

    func testMoneyRoundsHalfUp() throws {
        XCTAssertEqual(try json(["m": .double(1.005)]).money("m").value, 101)
        XCTAssertEqual(try json(["m": .string("0.125")]).money("m").value, 13)
        XCTAssertEqual(try json(["m": .int(2000)]).money("m").value, 200_000)
        XCTAssertEqual(try json(["m": .string("12.344")]).money("m").value, 1234)
        XCTAssertEqual(message { _ = try json(["m": .double(-0.01)]).money("m", minCents: 0) }, "请确保该值大于或者等于 0。")
        XCTAssertEqual(message { _ = try json(["m": .string("12abc")]).money("m") }, "请填写合法的数字。")
        XCTAssertEqual(message { _ = try json(["m": .bool(true)]).money("m") }, "请填写合法的数字。")
        let encoded = String(buffer: try JSONBody.encode([Money(cents: 100_050), Money(cents: 5), Money(cents: -250)]))
        XCTAssertEqual(encoded, "[1000.5,0.05,-2.5]")
    }

    func testBooleansAndChoices() throws {
        XCTAssertEqual(try json(["b": .string("On")]).bool("b").value, true)
        XCTAssertEqual(try json(["b": .int(0)]).bool("b").value, false)
        XCTAssertEqual(message { _ = try json(["b": .string("abc")]).bool("b") }, "“abc” 不是合法的布尔值。")
        XCTAssertEqual(try form([:]).bool("b").value, false)
        XCTAssertNil(try form([:], .patch).bool("b").value)
        XCTAssertEqual(try json(["c": .object(["key": .string("RMB")])]).choice("c", .currency).value, "RMB")
        XCTAssertEqual(message { _ = try json(["c": .string("ABC")]).choice("c", .currency) }, "“ABC” 不是合法选项。")
        XCTAssertEqual(message { _ = try json(["c": .int(5)]).choice("c", .currency) }, "“5” 不是合法选项。")
        XCTAssertEqual(message { _ = try json(["c": .string("STUDENT")]).choice("c", .role, excluded: ["STUDENT"]) }, "“STUDENT” 不是合法选项。")
    }

    func testStringsAndFormQuirks() throws {
        XCTAssertEqual(try json(["s": .int(12)]).string("s").value, "12")
        XCTAssertEqual(try json(["s": .double(2)]).string("s").value, "2.0")
        XCTAssertEqual(message { _ = try json(["s": .object([:])]).string("s") }, "请填写合法的字符串。")
        XCTAssertEqual(message { _ = try json(["s": .string("x")]).string("s", email: true) }, "请输入合法的邮件地址。")
        // form: "" means null for nullable fields, absent for optional ones, blank for required ones
        guard case .null = try form(["s": [""]]).string("s", required: false, nullable: true) else { return XCTFail() }
        guard case .absent = try form(["s": [""]]).string("s", required: false) else { return XCTFail() }
        XCTAssertEqual(message { _ = try form(["s": [""]]).string("s") }, "该字段不能为空。")
        // PATCH: a required field sent as "" is still validated (DRF's `required` ignores the write mode).
        XCTAssertEqual(message { _ = try form(["s": [""]], .patch).string("s") }, "该字段不能为空。")
        XCTAssertEqual(message { _ = try form(["n": [""]], .patch).double("n") }, "请填写合法的数字。")
        guard case .absent = try form([:], .patch).string("s") else { return XCTFail() }
        // An optional boolean sent as "" is skipped; omitted on create counts as false.
        guard case .absent = try form(["b": [""]], .replace).bool("b") else { return XCTFail() }
        XCTAssertEqual(try form([:], .replace).bool("b").value, false)
        XCTAssertEqual(try form(["s": ["a", "b"]]).string("s").value, "b")
        XCTAssertEqual(try form([:]).stringList("l").value, [])
    }

    func testRelatedIDs() async throws {
        let exists: (Int) async throws -> Bool = { $0 == 1 }
        let found = try await json(["r": .string("1")]).relatedID("r", exists: exists)
        XCTAssertEqual(found.value, 1)
        for (value, expected) in [
            (JSONValue.int(999), "无效主键 “999” － 对象不存在。"),
            (.string("abc"), "类型错误。期望为主键，得到的类型为 str。"),
            (.array([]), "类型错误。期望为主键，得到的类型为 list。"),
            (.object([:]), "类型错误。期望为主键，得到的类型为 dict。"),
        ] {
            do {
                _ = try await json(["r": value]).relatedID("r", exists: exists)
                XCTFail("\(value)")
            } catch let error as AppError {
                XCTAssertEqual(error.msg, expected)
                XCTAssertEqual(error.fieldName, "r")
            }
        }
    }

    func testDateTimes() throws {
        XCTAssertEqual(try json(["t": .string("2017-07-13 00:00")]).dateTime("t").value.map(SummerTime.render), "2017-07-12T16:00:00Z")
        XCTAssertEqual(try json(["t": .string("2017-08-20T14:14:57.775431Z")]).dateTime("t").value.map(SummerTime.render), "2017-08-20T14:14:57.775431Z")
        XCTAssertEqual(try json(["t": .string("2017-08-20T14:14:57.5+0100")]).dateTime("t").value.map(SummerTime.render), "2017-08-20T13:14:57.500000Z")
        for bad in ["2017-07-13", "2017-02-30T00:00", "yesterday", "2017-07-13T25:00"] {
            XCTAssertEqual(message { _ = try json(["t": .string(bad)]).dateTime("t") }, FieldMessage.dateTime, bad)
        }
        XCTAssertEqual(message { _ = try json(["t": .int(5)]).dateTime("t") }, FieldMessage.dateTime)
        XCTAssertEqual(try json(["d": .string("2017-08-21")]).date("d").value, "2017-08-21")
        XCTAssertEqual(message { _ = try json(["d": .string("2017-08")]).date("d") }, FieldMessage.date)
        XCTAssertEqual(SummerTime.render(-1), "1969-12-31T23:59:59.999999Z")
    }
}
