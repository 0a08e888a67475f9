import RegistrarCore
import SQLKit

/// `PUT /source/user_course/student_confirm_course/` — the student uploads course-review proof (S24, D12):
/// the targeted record moves TO_UPLOAD → TO_CONFIRM with `confirm_img` stored under `course/confirm_img/`.
enum CourseReviewUpload {
    static let folder = "course/confirm_img"
    static let alreadyUploaded = AppError.rule("已上传审课图片")

    static func handle(_ call: SummerCall) async throws {
        let reader = try await ProofImage.reader(call)
        let target = try await UploadTarget.read(reader, call: call)
        let image = try ProofImage.read(reader, "confirm_img")
        guard let image else { throw AppError.rule("审课图片为必传参数") }

        let userID = call.caller.id
        let row = try await target.row(userID: userID, on: call.sql)
        try check(row)
        try await ProofImage.storing(image, in: folder, call: call) { path in
            try await call.database.transaction { sql in
                // Checked again on the locked row: of two concurrent uploads only one moves it.
                try check(try await UploadTarget.lock(row.id, on: sql))
                try await sql.raw("""
                    UPDATE summer_user_course SET confirm_img = \(bind: path), \
                    status = \(bind: CourseReviewState.toConfirm.rawValue), modified_time = \(bind: SummerTime.now()) \
                    WHERE id = \(bind: row.id) AND status = \(bind: CourseReviewState.toUpload.rawValue)
                    """).run()
            }
        }
    }

    /// A student uploads only from TO_UPLOAD (§8.4).
    static func check(_ row: UploadTarget.Row) throws {
        if row.status != CourseReviewState.toUpload.rawValue { throw alreadyUploaded }
    }
}
