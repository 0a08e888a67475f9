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

    func testKeyedPagingPicksTheSameRowsAsOffsetPaging() async throws {
        struct Row: Decodable, Equatable { let id: Int; let label: String }
        try await TestDatabase.with(migrations: []) { db in
            let sql = db.sql
            try await sql.raw("CREATE TABLE core_parent (id INTEGER PRIMARY KEY, label TEXT NOT NULL)").run()
            try await sql.raw("CREATE TABLE core_child (id INTEGER PRIMARY KEY, parent_id INTEGER, odd INTEGER NOT NULL)").run()
            try await sql.raw("INSERT INTO core_parent (id, label) VALUES (1, 'one'), (2, 'two')").run()
            for id in 1...37 {
                try await sql.raw("INSERT INTO core_child (id, parent_id, odd) VALUES (\(bind: id), \(bind: id % 3 == 0 ? nil : id % 2 + 1), \(bind: id % 2))").run()
            }
            let filter: PagedQuery.Clause = { $0.from(SQLAlias(SQLIdentifier("core_child"), as: SQLIdentifier("c"))).where(SQLColumn("odd", table: "c"), .equal, SQLBind(1)) }
            let plain = PagedQuery(filter: filter, select: { builder in
                builder.column(SQLQueryString("c.id, COALESCE(p.label, '') AS label"))
                    .join(SQLQueryString("core_parent p"), method: SQLJoinMethod.left, on: SQLQueryString("p.id = c.parent_id"))
                    .orderBy(SQLQueryString("c.id DESC"))
            })
            let keyed = PagedQuery(filter: filter, key: SQLColumn("id", table: "c"), descending: true, select: { builder in
                builder.column(SQLQueryString("c.id, COALESCE(p.label, '') AS label"))
                    .from(SQLAlias(SQLIdentifier("core_child"), as: SQLIdentifier("c")))
                    .join(SQLQueryString("core_parent p"), method: SQLJoinMethod.left, on: SQLQueryString("p.id = c.parent_id"))
            })
            let total = try await keyed.count(on: sql)
            XCTAssertEqual(total, 19)
            for page in 1...3 {
                let window = PageWindow(page: page, size: 7)
                let expected = try await plain.rows(on: sql, window: window, total: total, decoding: Row.self)
                let actual = try await keyed.rows(on: sql, window: window, total: total, decoding: Row.self)
                XCTAssertEqual(actual, expected, "page \(page)")
                XCTAssertFalse(actual.isEmpty)
            }
            let first = try await keyed.rows(on: sql, window: PageWindow(page: 1, size: 7), total: total, decoding: Row.self)
            XCTAssertEqual(first.map(\.id), [37, 35, 33, 31, 29, 27, 25])
        }
    }
}
