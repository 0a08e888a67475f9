import Hummingbird
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import SummerSchool
import XCTest

final class PaginationTests: XCTestCase {
    func testWindowArithmetic() {
        XCTAssertEqual(PageWindow(page: 1, size: 10).offset, 0)
        XCTAssertEqual(PageWindow(page: 3, size: 10).offset, 20)
        XCTAssertEqual(PageWindow.pageCount(total: 0, size: 10), 0)
        XCTAssertEqual(PageWindow.pageCount(total: 10, size: 10), 1)
        XCTAssertEqual(PageWindow.pageCount(total: 11, size: 10), 2)
        XCTAssertEqual(PageWindow(page: Int.max, size: 100).offset, Int.max)  // no overflow trap
    }

    func testNumberedPageShape() throws {
        let page = NumberedPage(window: PageWindow(page: 2, size: 10), total: 25, list: [1, 2])
        let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(page))
        XCTAssertEqual(json, .object(["page": .int(2), "allPage": .int(3), "total": .int(25), "list": .array([.int(1), .int(2)])]))
    }

    func testLinkedPageCountsAndLinksInSQL() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.sql.raw("CREATE TABLE core_item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").run()
            for id in 1...25 {
                try await db.sql.insert(into: "core_item").columns("id", "name").values(SQLBind(id), SQLBind("n\(id)")).run()
            }
            let app = CoreTestApp.application(style: .summer, policy: .summer, database: db)
            try await app.test(.router) { client in
                let first = try await client.execute(uri: "/items?z=1&a=%E4%B8%AD", method: .get)
                XCTAssertEqual(first.data?["count"], .int(25))
                XCTAssertEqual(first.data?["previous"], .null)
                XCTAssertEqual(first.data?["next"], .string("http://localhost/items?a=%E4%B8%AD&page=2&z=1"))
                XCTAssertEqual(first.data?["results"]?.arrayValue?.count, 10)
                XCTAssertEqual(first.data?["results"]?[0]?["id"], .int(1))

                let second = try await client.execute(uri: "/items?page=2", method: .get)
                XCTAssertEqual(second.data?["previous"], .string("http://localhost/items"))
                XCTAssertEqual(second.data?["next"], .string("http://localhost/items?page=3"))
                XCTAssertEqual(second.data?["results"]?[0]?["id"], .int(11))

                let last = try await client.execute(uri: "/items?page=3", method: .get)
                XCTAssertEqual(last.data?["next"], .null)
                XCTAssertEqual(last.data?["previous"], .string("http://localhost/items?page=2"))
                XCTAssertEqual(last.data?["results"]?.arrayValue?.count, 5)

                let beyond = try await client.execute(uri: "/items?page=9", method: .get)
                XCTAssertEqual(beyond.data?["results"], .array([]))
            }
        }
    }
}
