import RegistrarCore
import SQLKit

/// The body of O2/O4 (`project`, `course_num`, `stu_score_detail`), validated in that order. On PATCH a
/// missing field keeps the item's current value before the checks run (D14).
struct CartFields: Sendable {
    let projectID: Int
    let courseNum: Int
    let scoreDetailID: Int

    init(_ reader: FieldReader, caller: SummerUser, stored: CartRow?, on sql: any SQLDatabase) async throws {
        let project = try await reader.relatedRow("project", table: "summer_project", on: sql)
        let courseNum = try reader.int("course_num", min: 0)
        // D14: only the caller's own mailing address; another's answers like a missing one.
        let detail = try await reader.relatedID("stu_score_detail") { id in
            try await sql.raw("""
                SELECT id FROM summer_student_score_detail WHERE id = \(bind: id) AND user_id = \(bind: caller.id)
                """).first() != nil
        }
        guard let projectID = project.value ?? stored?.project_id, let number = courseNum.value ?? stored?.course_num,
              let detailID = detail.value ?? stored?.stu_score_detail_id
        else { throw AppError.field("project", FieldMessage.required) }  // unreachable: create/PUT require all three
        self.projectID = projectID
        self.courseNum = number
        self.scoreDetailID = detailID
    }

    /// The current fee of `courseNum` courses in an active project (the snapshot a cart item keeps), or the
    /// O2 check's error.
    func courseFee(on sql: any SQLDatabase) async throws -> Int64 {
        struct Fee: Decodable { let course_fee: Int64 }
        guard let fee = try await sql.raw("""
            SELECT f.course_fee FROM summer_project_course_fee f JOIN summer_project p ON p.id = f.project_id \
            WHERE f.project_id = \(bind: projectID) AND f.course_number = \(bind: courseNum) AND p.is_active = \(bind: true)
            """).first(decoding: Fee.self)
        else { throw AppError.rule(OrderMessage.noFeeRow) }
        return fee.course_fee
    }
}
