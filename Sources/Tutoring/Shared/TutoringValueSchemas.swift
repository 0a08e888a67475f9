import RegistrarCore

/// The value types of the request tables (§1.7) and of answers (§1.2, §1.9) as OpenAPI schemas, so that each
/// module's body and item schemas read like its contract tables.
enum TutoringValues {
    // MARK: Request values

    /// `int a–b`: a JSON integer (3 or 3.0) or a string of ASCII digits; `""` or null means absent.
    static func int(_ range: ClosedRange<Int>) -> Schema {
        Schema.integer.minimum(range.lowerBound).maximum(range.upperBound)
    }

    /// `id`: a target row or a required reference.
    static let id = int(1...TutoringInput.maxInt)
    /// `ref`: an optional reference, 0 = none.
    static let ref = int(0...TutoringInput.maxInt).describe("0 表示无")
    /// `uint`: money (whole yuan), counts, level.
    static let uint = int(0...TutoringInput.maxInt)

    /// `name` when required (trimmed, 1–30 characters).
    static let name = Schema.string.minLength(1).maxLength(30)
    /// `name` when optional: `""` means not set.
    static let optionalName = Schema.string.maxLength(30)
    /// `phone` when required.
    static let phone = Schema.string.with("pattern", .string(phonePattern))
    /// `phone` when optional: `""` means not set.
    static let optionalPhone = Schema.string.with("pattern", .string("^(\(phonePattern.dropFirst().dropLast()))?$"))
    /// `text` when required (1–500).
    static let text = Schema.string.minLength(1).maxLength(500)
    /// `text` when optional (≤ 500; `""` clears on update).
    static let optionalText = Schema.string.maxLength(500)
    /// `text2000` (follow-up content).
    static let text2000 = Schema.string.minLength(1).maxLength(2000)
    /// `subject`: a string, or a number stored as its decimal text.
    static let subject = Schema.anyOf([text, .number]).describe("字符串；数字按其十进制文本保存")
    /// `subject` when optional (teachers): `""` means not set.
    static let optionalSubject = Schema.anyOf([optionalText, .number]).describe("字符串；数字按其十进制文本保存")
    /// `sex`.
    static let sex = Schema.choice(["男": "男", "女": "女", "": "未知"])
    /// `password`: not trimmed; 6–30 printable ASCII characters, no space.
    static let password = Schema.string.minLength(6).maxLength(30).with("pattern", "^[!-~]{6,30}$")
        .describe("6–30 位字母、数字和英文符号（不去除空白）")
    /// `secret`: not trimmed, non-empty.
    static let secret = Schema.string.minLength(1)
    /// `date` (`2017-3-18` is accepted and stored as `2017-03-18`).
    static let date = Schema.string.with("pattern", .string(datePattern))
    /// `date` when optional: `""` means no date (clears on update).
    static let optionalDate = Schema.string.with("pattern", .string("^(\(datePattern.dropFirst().dropLast()))?$"))
    /// `timerange`: `H:MM-H:MM`, ASCII or full-width colon and hyphen, start before end.
    /// (The pattern shows spaces where the server also accepts any whitespace.)
    static let timeRange = Schema.string.with("pattern", "^ *[0-9]{1,2}[:：][0-9]{2} *[-－] *[0-9]{1,2}[:：][0-9]{2} *$")
        .describe("试课时间段，如 8:00-9:30 或 8：00－9：30（开始早于结束；两侧空白被去除）")

    static let phonePattern = "^1[3-9][0-9]{9}$"
    static let datePattern = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"

    /// A query parameter of a GET (its only source).
    static func query(_ name: String, _ schema: Schema, required: Bool = false, _ label: String) -> APIParameter {
        APIParameter(name, schema, required: required, label)
    }

    /// A GET's required target ID, with an example row.
    static func target(_ name: String, _ label: String) -> APIParameter {
        APIParameter(name, id.example(1), required: true, label)
    }

    /// The target of a DELETE: read from the query string or the body (JSON or form); the query wins (§1.6).
    static func deleteTarget(_ name: String, _ label: String, body: String) -> (query: [APIParameter], body: APIBody) {
        (
            [APIParameter(name, id, "\(label)；也可放在请求体中，两处都有时以查询字符串为准")],
            TutoringSchemas.fields(Schema.object([name: id]).named(body), required: false)
        )
    }

    // MARK: Answer values

    /// A timestamp: UNIX seconds, 0 when not set.
    static let time = Schema.integer.minimum(0).describe("UNIX 时间戳（秒），0 表示未设置")
    /// A stored date: `YYYY-MM-DD`, or `""` when not set.
    static let storedDate = Schema.anyOf([.date, .constant("")]).describe("YYYY-MM-DD，未设置为空字符串")
    /// A stored phone.
    static let storedPhone = Schema.string.with("pattern", .string(phonePattern))
    /// A reference in an answer: 0 when not set.
    static let storedRef = Schema.integer.minimum(0).describe("0 表示未设置")
    /// A stored ID.
    static let storedID = Schema.integer.minimum(1)
    /// A stored count or amount.
    static let count = Schema.integer.minimum(0)
}
