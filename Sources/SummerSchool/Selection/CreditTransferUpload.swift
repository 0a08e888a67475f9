import RegistrarCore
import SQLKit

/// `PUT /source/user_course/course_credit_switch/` — the student uploads the credit-transfer result with its
/// proof (S26, D12, D13): accepted when the targeted record's review passed and its transcript was posted or
/// received; stores `switch_img` under `project/result/photo/` and the submitted SUCCESS or FAILURE.
enum CreditTransferUpload {
    static let folder = "project/result/photo"

    static func handle(_ call: SummerCall) async throws {
        let reader = try await ProofImage.reader(call)
        let target = try await UploadTarget.read(reader, call: call)
        let image = try ProofImage.read(reader, "switch_img")
        let result = try reader.choice(
            "credit_switch_status", ChoiceSet.creditSwitchStatus, required: false,
            excluded: Set(CreditTransferState.allCases.filter { !CreditTransferState.studentResults.contains($0) }.map(\.rawValue)))
        guard let image else { throw AppError.rule("学分转换证明图片为必传参数") }
        guard let state = result.value.flatMap(CreditTransferState.init(rawValue:)) else {
            throw AppError.rule("学分转换状态为必填参数")
        }

        let userID = call.caller.id
        let row = try await target.row(userID: userID, on: call.sql)
        try check(row)
        try await ProofImage.storing(image, in: folder, call: call) { path in
            try await call.database.transaction { sql in
                // Checked again on the locked row, so a concurrent change by staff or a second upload is reported
                // with the message for the state actually found.
                try check(try await UploadTarget.lock(row.id, on: sql))
                try await sql.raw("""
                    UPDATE summer_user_course SET switch_img = \(bind: path), credit_switch_status = \(bind: state.rawValue), \
                    modified_time = \(bind: SummerTime.now()) WHERE id = \(bind: row.id) \
                    AND status = \(bind: CourseReviewState.pass.rawValue) \
                    AND credit_switch_status IN (\(binds: CreditTransferState.awaitingResult.map(\.rawValue)))
                    """).run()
            }
        }
    }

    /// S26 step 5, on the targeted row: review passed, transcript posted or received, no result yet.
    static func check(_ row: UploadTarget.Row) throws {
        guard row.status == CourseReviewState.pass.rawValue else {
            throw AppError.rule("审课尚未完成, 不能上传学分转换图片")
        }
        let credit = CreditTransferState(rawValue: row.credit_switch_status)
        if let credit, CreditTransferState.studentResults.contains(credit) {
            throw AppError.rule("已上传学分转换图片，状态为: \(credit.verbose)")
        }
        // PRE_POSTED (or a key outside the enumeration, which D21 rules out) has no transcript out yet.
        guard let credit, CreditTransferState.awaitingResult.contains(credit) else { throw AppError.rule("成绩单尚未寄出") }
    }
}
