import HummingbirdTesting
import XCTest
@testable import SummerSchool

/// Free-text filters of the back office: `%`, `_` and `!` match literally, and text with a NUL (which no stored
/// value holds, and PostgreSQL refuses as a parameter) matches nothing instead of failing.
final class SearchTextTests: XCTestCase {
    func testSearchTextIsLiteralAndNULMatchesNothing() async throws {
        try await SummerTestEnv.run { env, client in
            let admin = try await env.account("AdminUser", role: .admin)
            let student = try await env.makeUser("student_1")
            try await env.sql.raw("UPDATE summer_student_info SET name = '张_三%' WHERE user_id = \(bind: student)").run()
            let campus = try await env.makeCampus()
            let project = try await env.makeProject(campusID: campus)
            try await env.makeOrder(userID: student, chartIDs: [try await env.makeChart(userID: student, projectID: project)])

            for (path, expected) in [
                ("/admin/order/?search=%E5%BC%A0_%E4%B8%89%25", 1), ("/admin/order/?search=%E5%BC%A0%25", 0),
                ("/admin/order/?search=%00", 0), ("/admin/order/?search=a%00b", 0),
                ("/admin/user_info/?name=_%E4%B8%89%25", 1), ("/admin/user_info/?name=%E5%BC%A0%25x", 0),
                ("/admin/user_info/?name=%00", 0), ("/admin/user_info/?email=x%00", 0),
            ] {
                let r = try await client.call(.get, path, ticket: admin.ticket)
                XCTAssertEqual(r.code, 0, "\(path): \(r.bodyText)")
                XCTAssertEqual(r.data?["count"]?.intValue, expected, "\(path): \(r.bodyText)")
            }
        }
    }
}
