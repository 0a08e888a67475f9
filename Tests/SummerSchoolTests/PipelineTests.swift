import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import XCTest
@testable import SummerSchool

final class PipelineTests: XCTestCase {
    func testUnknownPathIsHTTP404Envelope() async throws {
        try await SummerTestEnv.run { env, client in
            let r = try await client.call(.get, "/nowhere/")
            XCTAssertEqual(r.status, .notFound)
            XCTAssertEqual(r.code, 404)
            XCTAssertEqual(r.msg, "接口不存在")
            XCTAssertEqual(r.data, .object([:]))
            XCTAssertEqual(r.fieldName, "")
        }
    }
}
