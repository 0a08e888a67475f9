import HummingbirdTesting
import RegistrarCore
import SQLKit
import XCTest
@testable import SummerSchool

/// Every catalogue list and nested listing runs as many queries for one row as for a full page.
final class CatalogBoundedQueriesTests: XCTestCase {
    private static func queries(_ client: any TestClientProtocol, _ path: String, ticket: String) async throws -> Int {
        let counter = QueryCounter()
        let response = try await counter.counting { try await client.call(.get, path, ticket: ticket) }
        XCTAssertEqual(response.code, 0, "\(path): \(response.bodyText)")
        return counter.count
    }

    /// One more campus, project (with fees), course and link of each kind.
    private static func addRows(_ env: SummerTestEnv, n: Int, campus: Int, course: Int, project: Int) async throws {
        let newCampus = try await env.makeCampus("校区\(n)")
        let newProject = try await env.makeProject(campusID: n.isMultiple(of: 2) ? campus : newCampus, name: "项目\(n)")
        let newCourse = try await env.makeCourse("C \(n)")
        try await env.offer(courseID: newCourse, inProject: project)
        try await env.offer(courseID: course, inProject: newProject)
    }

    func testCatalogueListsRunBoundedQueries() async throws {
        try await SummerTestEnv.run { env, client in
            let student = try await env.account("student01", role: .student)
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            let course = try await env.makeCourse("ART 12")
            let paths = [
                "/source/campus/", "/source/project/", "/source/project/?pagination=false", "/source/course/",
                "/source/course/?pagination=false", "/source/course/filter_elements/", "/source/campus/\(campus)/all_projects/",
                "/source/project/\(project)/related_courses/", "/source/course/\(course)/related_projects/",
            ]
            try await Self.addRows(env, n: 0, campus: campus, course: course, project: project)
            var single: [Int] = []
            for path in paths { single.append(try await Self.queries(client, path, ticket: student.ticket)) }
            for n in 1...12 { try await Self.addRows(env, n: n, campus: campus, course: course, project: project) }
            let full = try await client.call(.get, "/source/project/", ticket: student.ticket)
            XCTAssertEqual(full.data?["results"]?.arrayValue?.count, 10)
            for (path, expected) in zip(paths, single) {
                let count = try await Self.queries(client, path, ticket: student.ticket)
                XCTAssertEqual(count, expected, "\(path) ran \(count) queries for many rows, \(expected) for one")
                XCTAssertLessThanOrEqual(count, 6, path)
            }
        }
    }
}
