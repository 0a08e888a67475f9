import HTTPTypes
import HummingbirdTesting
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// Simultaneous selections (D7, decision 18): the order and course locks keep every offering within `max_num`
/// and every (student, order, project, course) selected once.
final class SelectionConcurrencyTests: XCTestCase {
    func testSimultaneousStudentsNeverOversubscribeACourse() async throws {
        try await SummerTestEnv.run { env, client in
            let first = try await SelectionWorld.make(env, username: "student00", courseNum: 2, maxNum: 2)
            var students = [first]
            for index in 1..<8 { students.append(try await first.classmate(env, username: "student0\(index)")) }
            let course = first.courses[0]
            let results = try await withThrowingTaskGroup(of: (Int?, String?).self) { group in
                for student in students {
                    group.addTask {
                        let r = try await client.call(.post, SelectionTests.path, ticket: student.ticket, json: student.selectBody([course]))
                        return (r.code, r.msg)
                    }
                }
                return try await group.reduce(into: [(Int?, String?)]()) { $0.append($1) }
            }
            XCTAssertEqual(results.filter { $0.0 == 0 }.count, 2, "\(results)")
            XCTAssertEqual(results.filter { $0.1 == "课程id：\(course) 名额已满" }.count, 6, "\(results)")
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 2)
        }
    }

    /// Two courses with one seat each, requested in opposite orders by different students: the ascending lock
    /// order rules out a deadlock, and each course still ends with one selection.
    func testOppositeCourseOrdersNeitherDeadlockNorOversubscribe() async throws {
        try await SummerTestEnv.run { env, client in
            let first = try await SelectionWorld.make(env, username: "student00", courseNum: 2, maxNum: 1)
            var students = [first]
            for index in 1..<6 { students.append(try await first.classmate(env, username: "student0\(index)")) }
            let (a, b) = (first.courses[0], first.courses[1])
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for (index, student) in students.enumerated() {
                    group.addTask {
                        let courses = index % 2 == 0 ? [a, b] : [b, a]
                        return try await client.call(.post, SelectionTests.path, ticket: student.ticket, json: student.selectBody(courses)).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1, "\(codes)")
            XCTAssertEqual(codes.filter { $0 == 400 }.count, 5, "\(codes)")
            struct Seats: Decodable { let course_id: Int; let n: Int }
            let seats = try await env.sql.raw("""
                SELECT course_id, COUNT(*) AS n FROM summer_user_course GROUP BY course_id ORDER BY course_id
                """).all(decoding: Seats.self)
            XCTAssertEqual(seats.map(\.n), [1, 1])
        }
    }

    /// One student sending the same selection several times at once: one row, the others refused.
    func testSimultaneousRepeatsOfOneSelectionInsertOnce() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 3)
            let results = try await withThrowingTaskGroup(of: (Int?, String?).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let r = try await client.call(.post, SelectionTests.path, ticket: world.ticket, json: world.selectBody([world.courses[0]]))
                        return (r.code, r.msg)
                    }
                }
                return try await group.reduce(into: [(Int?, String?)]()) { $0.append($1) }
            }
            XCTAssertEqual(results.filter { $0.0 == 0 }.count, 1, "\(results)")
            XCTAssertEqual(results.filter { $0.1 == "该项目已选有当前课程，请重新选择" }.count, 5, "\(results)")
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 1)
        }
    }

    /// Simultaneous selections under one order never exceed the courses paid for.
    func testSimultaneousSelectionsUnderOneOrderKeepTheRemainingCount() async throws {
        try await SummerTestEnv.run { env, client in
            let world = try await SelectionWorld.make(env, courseNum: 2, courseCount: 5)
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for course in world.courses {
                    group.addTask {
                        try await client.call(.post, SelectionTests.path, ticket: world.ticket, json: world.selectBody([course])).code
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 2, "\(codes)")
            let count = try await env.count("summer_user_course")
            XCTAssertEqual(count, 2)
        }
    }
}
