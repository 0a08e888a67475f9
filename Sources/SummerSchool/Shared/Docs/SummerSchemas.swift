import RegistrarCore

/// Schemas and parameters every summer module's documentation shares.
enum SummerSchemas {
    /// An error envelope with one of `codes`; bare 401/403 answers carry neither `data` nor `field_name`.
    static func error(_ codes: [Int]) -> Schema {
        .object(
            ["code": .integers(codes), "msg": .string, "data": .emptyObject, "field_name": .string],
            optional: ["data", "field_name"])
    }

    static let fault = Schema.object(
        ["code": .constant(500), "msg": .string, "data": .emptyObject, "field_name": .string], optional: ["data", "field_name"]
    ).named("ServerFault")

    /// A linked page (conventions §5): ten items, `next`/`previous` as absolute URLs or null.
    static func page(_ item: Schema) -> Schema {
        .object([
            "count": .integer.minimum(0), "next": Schema.string.orNull, "previous": Schema.string.orNull,
            "results": .array(item),
        ])
    }

    /// `?page=` of a linked list: a number from 1, or `last`.
    static let page = APIParameter(
        "page", .anyOf([.integer.minimum(1), .constant("last")]), "页码，从 1 开始；`last` 为最后一页；超出范围答 404 无效页面。")

    /// The three encodings every summer body is read from.
    static func fields(_ schema: Schema, required: Bool = true) -> APIBody {
        APIBody(schema, mediaTypes: [APIBody.json, APIBody.form, APIBody.multipart], required: required)
    }

    /// `data: null` (deletes).
    static let null = Schema.type("null")
}

extension SummerSchemas {
    /// Money: a JSON number with at most two decimals (cents exact).
    static let money = Schema.number.describe("金额，两位小数")
    /// Money as an input: a number or a decimal string, rounded half-up to cents.
    static let moneyInput = Schema.anyOf([.number, .string]).describe("金额（数字或十进制字符串），四舍五入到分")
    /// An instant as rendered: `2017-07-12T16:00:00Z`.
    static let time = Schema.dateTime
    /// An instant as read (conventions §10.2): ISO 8601; without an offset it is Beijing time.
    static let timeInput = Schema.string.describe("日期时间 YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]；无时区为北京时间")
}
