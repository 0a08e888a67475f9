import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest

/// Envelope assertions shared by the catalogue tests.
func assertEnvelope(
    _ response: TestResponse, code: Int, msg: String, field: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(response.code, code, response.bodyText, file: file, line: line)
    XCTAssertEqual(response.msg, msg, response.bodyText, file: file, line: line)
    XCTAssertEqual(response.fieldName, field, response.bodyText, file: file, line: line)
    if code != 0 { XCTAssertEqual(response.data, .object([:]), response.bodyText, file: file, line: line) }
}

func assertForbidden(_ response: TestResponse, file: StaticString = #filePath, line: UInt = #line) {
    assertEnvelope(response, code: 403, msg: "您没有执行该操作的权限。", file: file, line: line)
}

func assertNotFound(_ response: TestResponse, file: StaticString = #filePath, line: UInt = #line) {
    assertEnvelope(response, code: 404, msg: "请求失败", file: file, line: line)
}

/// `[String: Any]` with `changes` applied (`NSNull()` for null); a key mapped to `Absent()` is removed.
struct Absent {}
func withChanges(_ base: [String: Any], _ changes: [String: Any]) -> [String: Any] {
    var result = base
    for (key, value) in changes {
        if value is Absent { result.removeValue(forKey: key) } else { result[key] = value }
    }
    return result
}
