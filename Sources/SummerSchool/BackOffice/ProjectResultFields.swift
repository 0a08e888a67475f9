import RegistrarCore

/// The writable fields of a credit transfer, in the contract's order (back office F2). `img` is read-only.
struct ProjectResultFields: Sendable {
    var postDatetime: Field<Int64>
    var postChannel: Field<String>
    var postNumber: Field<String>
    /// Written to `credit_switch_status`.
    var status: Field<String>

    init(_ reader: FieldReader) throws {
        postDatetime = try reader.dateTime("post_datetime", required: false, nullable: true)
        postChannel = try reader.string("post_channel", required: false, nullable: true, max: 30)
        postNumber = try reader.string("post_number", required: false, nullable: true, max: 30)
        status = try reader.choice("status", .creditSwitchStatus)
    }

    /// SUCCESS and FAILURE record the outcome the student proves with an upload.
    var needsProof: Bool { status.value.flatMap(CreditTransferState.init(rawValue:)).map(CreditTransferState.studentResults.contains) ?? false }

    static let proofMissing = AppError.rule("用户还未上传学分转换证明，不能更改学分转换状态为成功或失败")
}
