import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistrarCore
import RegistrarTesting
import SQLKit
import XCTest
@testable import SummerSchool

/// A student with a CONFIRMED order of one project (bought for `courseNum` courses) whose courses are offered
/// in that project: the starting point of the selection and course-record tests.
struct SelectionWorld: Sendable {
    let student: Int
    let ticket: String
    let campus: Int
    let project: Int
    let courses: [Int]
    let chart: Int
    let order: Int

    static func make(
        _ env: SummerTestEnv, username: String = "student01", courseNum: Int = 2, maxNum: Int = 100,
        orderStatus: String = "CONFIRMED", courseCount: Int = 3
    ) async throws -> SelectionWorld {
        let account = try await env.account(username, role: .student)
        let campus = try await env.makeCampus("校区-\(username)")
        let project = try await env.makeProject(campusID: campus, name: "项目-\(username)")
        var courses: [Int] = []
        for index in 0..<courseCount {
            let course = try await env.makeCourse("\(username)-C\(index)", name: "Course \(index)", maxNum: maxNum)
            try await env.offer(courseID: course, inProject: project, professor: "Prof \(index)")
            courses.append(course)
        }
        let chart = try await env.makeChart(userID: account.id, projectID: project, courseNum: courseNum)
        let order = try await env.makeOrder(userID: account.id, chartIDs: [chart], status: orderStatus)
        return SelectionWorld(
            student: account.id, ticket: account.ticket, campus: campus, project: project, courses: courses,
            chart: chart, order: order)
    }

    /// Another student of the same project and courses, with a CONFIRMED order of their own.
    func classmate(_ env: SummerTestEnv, username: String, courseNum: Int = 2) async throws -> SelectionWorld {
        let account = try await env.account(username, role: .student)
        let chart = try await env.makeChart(userID: account.id, projectID: project, courseNum: courseNum)
        let order = try await env.makeOrder(userID: account.id, chartIDs: [chart], status: "CONFIRMED")
        return SelectionWorld(
            student: account.id, ticket: account.ticket, campus: campus, project: project, courses: courses,
            chart: chart, order: order)
    }

    func selectBody(_ courses: [Int]) -> [String: Any] {
        ["order": order, "chart_id": chart, "course_ids": courses]
    }
}

enum SelectionTestData {
    /// A 1×1 PNG.
    static let pngBase64 = SalesManTests.png
    static var pngBytes: [UInt8] { Array(Data(base64Encoded: pngBase64)!) }

    static func mediaRoot() -> String { SalesManTests.mediaRoot() }

    /// Every file under `root` (relative paths).
    static func files(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { item -> String? in
            guard let path = item as? String else { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) else { return nil }
            return isDirectory.boolValue ? nil : path
        }
    }

    /// A multipart body: text parts, and file parts when `filename` is set.
    static func multipart(_ parts: [(name: String, bytes: [UInt8], filename: String?)]) -> (String, ByteBuffer) {
        let boundary = "----selectionBoundary7"
        var buffer = ByteBuffer()
        for part in parts {
            buffer.writeString("--\(boundary)\r\n")
            if let filename = part.filename {
                buffer.writeString("Content-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(filename)\"\r\n")
                buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
            } else {
                buffer.writeString("Content-Disposition: form-data; name=\"\(part.name)\"\r\n\r\n")
            }
            buffer.writeBytes(part.bytes)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }

    static func text(_ name: String, _ value: Any) -> (name: String, bytes: [UInt8], filename: String?) {
        (name, Array("\(value)".utf8), nil)
    }

    static func file(_ name: String, _ bytes: [UInt8], filename: String = "proof.png") -> (name: String, bytes: [UInt8], filename: String?) {
        (name, bytes, filename)
    }
}

extension TestClientProtocol {
    /// A multipart request with the ticket cookie.
    func multipart(
        _ method: HTTPRequest.Method, _ uri: String, ticket: String, parts: [(name: String, bytes: [UInt8], filename: String?)]
    ) async throws -> TestResponse {
        let (type, body) = SelectionTestData.multipart(parts)
        return try await execute(uri: uri, method: method, headers: [.cookie: "ticket=\(ticket)", .contentType: type], body: body)
    }
}

extension SummerTestEnv {
    /// The stored review and credit columns of a selection.
    struct StoredSelection: Decodable, Equatable {
        let status: String
        let confirm_img: String?
        let credit_switch_status: String
        let switch_img: String?
        let modified_time: Int64
    }

    func storedSelection(_ id: Int) async throws -> StoredSelection {
        try await sql.raw("""
            SELECT status, confirm_img, credit_switch_status, switch_img, modified_time FROM summer_user_course \
            WHERE id = \(bind: id)
            """).first(decoding: StoredSelection.self)!
    }
}
