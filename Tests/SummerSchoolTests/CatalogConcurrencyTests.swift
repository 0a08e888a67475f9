import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Concurrent catalogue writes end in one consistent outcome with field errors, never a 500.
final class CatalogConcurrencyTests: XCTestCase {
    func testConcurrentCampusCreatesWithOneNameInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let outcomes = try await withThrowingTaskGroup(of: (Int?, String?).self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        let r = try await client.call(.post, "/source/campus/", ticket: admin.ticket, json: ["name": "武汉校区", "info": "x"])
                        return (r.code, r.fieldName)
                    }
                }
                return try await group.reduce(into: [(Int?, String?)]()) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0.0 == 0 }.count, 1)
            XCTAssertTrue(outcomes.filter { $0.0 != 0 }.allSatisfy { $0.0 == 400 && $0.1 == "non_field_errors" })
            let campuses = try await env.count("summer_campus")
            XCTAssertEqual(campuses, 1)
        }
    }

    func testConcurrentCourseCreatesWithOneCodeInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let outcomes = try await withThrowingTaskGroup(of: (Int?, String?).self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        let r = try await client.call(.post, "/source/course/", ticket: admin.ticket,
                                                      json: ["course_code": "ART 12", "name": "Art", "max_num": 1, "credit": 1])
                        return (r.code, r.fieldName)
                    }
                }
                return try await group.reduce(into: [(Int?, String?)]()) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0.0 == 0 }.count, 1)
            XCTAssertTrue(outcomes.filter { $0.0 != 0 }.allSatisfy { $0.0 == 400 && $0.1 == "course_code" })
        }
    }

    func testConcurrentFeeTableReplacementsLeaveOneWholeTable() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for n in 1...5 {
                    group.addTask {
                        let fees = (1...n).map { ["course_number": $0, "course_fee": n * 100] }
                        return try await client.call(.put, "/source/project/\(project)/project_course_fee/", ticket: admin.ticket,
                                                     json: ["project_fees": fees]).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes, Array(repeating: 0, count: 5))
            struct Row: Decodable { let course_number: Int; let course_fee: Int64 }
            let rows = try await env.sql.raw("""
                SELECT course_number, course_fee FROM summer_project_course_fee WHERE project_id = \(bind: project) ORDER BY course_number
                """).all(decoding: Row.self)
            // One request's table, whole: numbers 1…n, every fee n × 100 yuan.
            XCTAssertEqual(rows.map(\.course_number), Array(1...rows.count))
            XCTAssertEqual(Set(rows.map(\.course_fee)), [Int64(rows.count) * 10_000])
        }
    }

    func testConcurrentLinksOfOnePairInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("admin0001", role: .admin)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let course = try await env.makeCourse("ART 12")
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await client.call(.post, "/source/course_project/", ticket: admin.ticket,
                                              json: CatalogCourseProjectTests.valid(course: course, project: project)).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 4)
        }
    }
}
