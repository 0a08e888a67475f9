import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SummerSchool
import Tutoring
import XCTest

final class EnvelopeTests: XCTestCase {
    func testSuccessEnvelopeHasCodeMsgAndData() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let app = CoreTestApp.application(style: .tutoring, policy: .tutoring, database: db)
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/query?a=1", method: .get)
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                XCTAssertEqual(response.code, 0)
                XCTAssertEqual(response.msg, "成功")
                XCTAssertEqual(response.data?["a"]?[0]?.stringValue, "1")
                XCTAssertNil(response.json["field_name"])
                XCTAssertNotNil(response.headers[HTTPField.Name("X-Request-ID")!])
            }
        }
    }

    func testTutoringErrorHasFieldNameAndNoData() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let app = CoreTestApp.application(style: .tutoring, policy: .tutoring, database: db)
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/fail", method: .get)
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.json, .object(["code": .int(409), "msg": .string("冲突"), "field_name": .string("name")]))
            }
        }
    }

    func testSummerErrorCarriesEmptyData() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let app = CoreTestApp.application(style: .summer, policy: .summer, database: db)
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/fail", method: .get)
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(
                    response.json,
                    .object(["code": .int(409), "msg": .string("冲突"), "field_name": .string("name"), "data": .object([:])]))
                let bare = try await client.execute(uri: "/bare", method: .get)
                XCTAssertEqual(bare.json, .object(["code": .int(401), "msg": .string("未登陆")]))
            }
        }
    }

    func testUnknownRouteIs404WithEnvelope() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let tutoring = CoreTestApp.application(style: .tutoring, policy: .tutoring, database: db)
            try await tutoring.test(.router) { client in
                let response = try await client.execute(uri: "/admin/nothing", method: .get)
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.json, .object(["code": .int(404), "msg": .string("接口不存在"), "field_name": .string("")]))
                // A known path with a method it does not serve is unmatched too.
                let wrongMethod = try await client.execute(uri: "/echo", method: .get)
                XCTAssertEqual(wrongMethod.status, .notFound)
            }
            let summer = CoreTestApp.application(style: .summer, policy: .summer, database: db)
            try await summer.test(.router) { client in
                let response = try await client.execute(uri: "/auth/nothing/", method: .post)
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.code, 404)
                XCTAssertEqual(response.msg, "接口不存在")
                XCTAssertEqual(response.data, .object([:]))
            }
        }
    }

    func testUnexpectedErrorIs500WithoutDetails() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let app = CoreTestApp.application(style: .summer, policy: .summer, database: db)
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/boom", method: .get)
                XCTAssertEqual(response.status, .internalServerError)
                XCTAssertEqual(response.code, 500)
                XCTAssertEqual(response.msg, "服务器内部错误")
                XCTAssertFalse(response.bodyText.contains("Boom"))
                // Headers a handler set before failing still reach the client (CORS, cookies).
                XCTAssertEqual(response.headers[HTTPField.Name("X-Probe")!], "set before the fault")
            }
        }
    }

    func testTrailingSlashIsOptional() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let app = CoreTestApp.application(style: .tutoring, policy: .tutoring, database: db)
            try await app.test(.router) { client in
                let plain = try await client.execute(uri: "/query", method: .get)
                let slashed = try await client.execute(uri: "/query/", method: .get)
                XCTAssertEqual(plain.code, 0)
                XCTAssertEqual(slashed.code, 0)
            }
        }
    }
}
