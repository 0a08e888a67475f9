import RegistrarCore
import SQLKit

/// The iteration shared by S21, S23 and S25: one entry per (CONFIRMED order of the caller, ascending id) ×
/// (cart item of that order, ascending id), with the caller's selections for that order and the cart item's
/// project. Two queries, however many orders, items and selections there are.
struct PurchasedProject: Sendable {
    let orderID: Int
    let chartID: Int
    let projectID: Int
    let projectName: String?
    let courseNum: Int
    /// Ascending user_course id; a selection whose course is not offered in the project is left out.
    let courses: [SelectedCourseRow]
}

/// One selection of the caller joined to its course and its offering in the selection's project.
struct SelectedCourseRow: Decodable, Sendable {
    let id: Int
    let order_id: Int
    let project_id: Int
    let course_id: Int
    let course_code: String
    let name: String
    let professor: String
    let start_time: String
    let end_time: String
    let address: String
    let status: String
    let confirm_img: String?
    let credit_switch_status: String
    let switch_img: String?
}

enum PurchasedProjects {
    static func load(userID: Int, on sql: any SQLDatabase) async throws -> [PurchasedProject] {
        struct Entry: Decodable {
            let order_id: Int
            let chart_id: Int
            let project_id: Int
            let project_name: String?
            let course_num: Int
        }
        let entries = try await sql.raw("""
            SELECT o.id AS order_id, c.id AS chart_id, c.project_id, p.name AS project_name, c.course_num \
            FROM summer_order o JOIN summer_order_chart oc ON oc.order_id = o.id \
            JOIN summer_shopping_chart c ON c.id = oc.chart_id JOIN summer_project p ON p.id = c.project_id \
            WHERE o.user_id = \(bind: userID) AND o.status = \(bind: OrderStatus.confirmed.rawValue) \
            ORDER BY o.id, c.id
            """).all(decoding: Entry.self)
        guard !entries.isEmpty else { return [] }

        let selections = try await sql.raw("""
            SELECT uc.id, uc.order_id, uc.project_id, uc.course_id, k.course_code, k.name, cp.professor, \
            cp.start_time, cp.end_time, cp.address, uc.status, uc.confirm_img, uc.credit_switch_status, uc.switch_img \
            FROM summer_user_course uc JOIN summer_order o ON o.id = uc.order_id \
            JOIN summer_course k ON k.id = uc.course_id \
            JOIN summer_course_project cp ON cp.project_id = uc.project_id AND cp.course_id = uc.course_id \
            WHERE uc.user_id = \(bind: userID) AND o.status = \(bind: OrderStatus.confirmed.rawValue) \
            ORDER BY uc.id
            """).all(decoding: SelectedCourseRow.self)
        struct Key: Hashable { let order: Int; let project: Int }
        let byKey = Dictionary(grouping: selections) { Key(order: $0.order_id, project: $0.project_id) }
        return entries.map { entry in
            PurchasedProject(
                orderID: entry.order_id, chartID: entry.chart_id, projectID: entry.project_id,
                projectName: entry.project_name, courseNum: entry.course_num,
                courses: byKey[Key(order: entry.order_id, project: entry.project_id)] ?? [])
        }
    }
}
