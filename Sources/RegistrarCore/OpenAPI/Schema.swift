/// A JSON Schema (OpenAPI 3.1 dialect), written next to the code that produces or reads the values it describes.
///
/// ```swift
/// static let schema = Schema.object([
///     "id": .integer,
///     "name": .string,
///     "status": .choice(["NEW": "新建", "DONE": "完成"]),
///     "remark": .string.orNull,
/// ]).named("Coupon")
/// ```
/// A named schema is rendered once under `components/schemas` and referred to everywhere it is used.
public struct Schema: Sendable {
    /// Set for schemas rendered under `components/schemas`.
    public private(set) var name: String?
    var keywords: [(String, Keyword)]

    indirect enum Keyword: Sendable {
        case value(DocJSON)
        case schema(Schema)
        case schemas([Schema])
        case properties([(String, Schema)])
    }

    init(name: String? = nil, _ keywords: [(String, Keyword)]) {
        self.name = name
        self.keywords = keywords
    }

    /// Any value.
    public static let any = Schema([])
    public static let string = type("string")
    public static let integer = type("integer")
    public static let number = type("number")
    public static let boolean = type("boolean")
    /// `YYYY-MM-DD`.
    public static let date = string.format("date")
    /// ISO 8601 with offset.
    public static let dateTime = string.format("date-time")
    /// `{}`.
    public static let emptyObject = Schema([("type", .value("object")), ("maxProperties", .value(0))])

    public static func type(_ name: String) -> Schema { Schema([("type", .value(.string(name)))]) }

    /// An object with these members, every one of them present (answers always carry every key); members listed
    /// in `optional` may be absent.
    public static func object(_ properties: KeyValuePairs<String, Schema>, optional: Set<String> = []) -> Schema {
        let members = properties.map { ($0.key, $0.value) }
        var keywords: [(String, Keyword)] = [("type", .value("object")), ("properties", .properties(members))]
        let required = members.map(\.0).filter { !optional.contains($0) }
        if !required.isEmpty { keywords.append(("required", .value(.array(required.map(DocJSON.string))))) }
        return Schema(keywords)
    }

    /// An object whose member names are data (`{"<id>": …}`).
    public static func map(_ values: Schema) -> Schema {
        Schema([("type", .value("object")), ("additionalProperties", .schema(values))])
    }

    public static func array(_ items: Schema) -> Schema {
        Schema([("type", .value("array")), ("items", .schema(items))])
    }

    /// A string from a fixed set, each value with the label the contract gives it.
    public static func choice(_ labels: KeyValuePairs<String, String>) -> Schema {
        Schema([
            ("type", .value("string")),
            ("enum", .value(.array(labels.map { .string($0.key) }))),
            ("x-enum-descriptions", .value(.array(labels.map { .string($0.value) }))),
            ("description", .value(.string(labels.map { "\($0.key): \($0.value)" }.joined(separator: "; ")))),
        ])
    }

    /// An integer from a fixed set, each value with its label.
    public static func choice(_ labels: KeyValuePairs<Int, String>) -> Schema {
        Schema([
            ("type", .value("integer")),
            ("enum", .value(.array(labels.map { .int($0.key) }))),
            ("x-enum-descriptions", .value(.array(labels.map { .string($0.value) }))),
            ("description", .value(.string(labels.map { "\($0.key): \($0.value)" }.joined(separator: "; ")))),
        ])
    }

    /// Exactly this value.
    public static func constant(_ value: DocJSON) -> Schema { Schema([("const", .value(value))]) }

    /// One of these integers (envelope codes).
    public static func integers(_ values: [Int]) -> Schema {
        Schema([("type", .value("integer")), ("enum", .value(.array(values.map(DocJSON.int))))])
    }

    /// A value matching at least one of `schemas`.
    public static func anyOf(_ schemas: [Schema]) -> Schema { Schema([("anyOf", .schemas(schemas))]) }

    /// A reference to a schema registered by name elsewhere (for recursive shapes).
    public static func ref(_ name: String) -> Schema {
        Schema([("$ref", .value(.string("#/components/schemas/\(name)")))])
    }

    /// This schema or `null`.
    public var orNull: Schema {
        if name == nil, let index = keywords.firstIndex(where: { $0.0 == "type" }),
            case .value(.string(let type)) = keywords[index].1
        {
            var copy = self
            copy.keywords[index].1 = .value(.array([.string(type), "null"]))
            if let enumIndex = copy.keywords.firstIndex(where: { $0.0 == "enum" }),
                case .value(.array(let values)) = copy.keywords[enumIndex].1
            {
                copy.keywords[enumIndex].1 = .value(.array(values + [.null]))
            }
            return copy
        }
        return Schema([("anyOf", .schemas([self, Schema([("type", .value("null"))])]))])
    }

    /// The same object schema with every member optional (PATCH bodies); a named one becomes `<name>Patch`.
    public var partial: Schema {
        var copy = self
        copy.keywords.removeAll { $0.0 == "required" }
        copy.name = name.map { $0 + "Patch" }
        return copy
    }

    /// This schema, rendered once as `components/schemas/<name>`.
    public func named(_ name: String) -> Schema {
        var copy = self
        copy.name = name
        return copy
    }

    public func describe(_ text: String) -> Schema { with("description", .string(text)) }
    public func format(_ format: String) -> Schema { with("format", .string(format)) }
    public func example(_ value: DocJSON) -> Schema { with("examples", .array([value])) }
    public func minimum(_ value: Int) -> Schema { with("minimum", .int(value)) }
    public func maximum(_ value: Int) -> Schema { with("maximum", .int(value)) }
    public func maxLength(_ value: Int) -> Schema { with("maxLength", .int(value)) }
    public func minLength(_ value: Int) -> Schema { with("minLength", .int(value)) }

    /// The same schema with one keyword set (replaced when present).
    public func with(_ keyword: String, _ value: DocJSON) -> Schema {
        var copy = self
        if let index = copy.keywords.firstIndex(where: { $0.0 == keyword }) {
            copy.keywords[index].1 = .value(value)
        } else {
            copy.keywords.append((keyword, .value(value)))
        }
        return copy
    }

    /// The same object schema with more members (e.g. a detail that extends a list item).
    public func adding(_ properties: KeyValuePairs<String, Schema>, optional: Set<String> = []) -> Schema {
        var copy = self
        copy.name = nil
        let extra = properties.map { ($0.key, $0.value) }
        if let index = copy.keywords.firstIndex(where: { $0.0 == "properties" }), case .properties(let members) = copy.keywords[index].1 {
            copy.keywords[index].1 = .properties(members + extra)
        } else {
            copy.keywords.append(("properties", .properties(extra)))
        }
        let required = extra.map(\.0).filter { !optional.contains($0) }
        if !required.isEmpty {
            if let index = copy.keywords.firstIndex(where: { $0.0 == "required" }), case .value(.array(let names)) = copy.keywords[index].1 {
                copy.keywords[index].1 = .value(.array(names + required.map(DocJSON.string)))
            } else {
                copy.keywords.append(("required", .value(.array(required.map(DocJSON.string)))))
            }
        }
        return copy
    }
}

/// Collects named schemas while a document is rendered.
final class SchemaComponents {
    private(set) var rendered: [(String, DocJSON)] = []
    /// Names given to two different schemas (a mistake the document tests report).
    private(set) var conflicts: [String] = []
    private var names: [String: String] = [:]

    /// `schema` as JSON; named schemas are registered once and referred to.
    func render(_ schema: Schema) -> DocJSON {
        guard let name = schema.name else { return inline(schema) }
        let body = inline(schema)
        let text = body.text
        if let known = names[name] {
            if known != text { conflicts.append(name) }
        } else {
            names[name] = text
            rendered.append((name, body))
        }
        return ["$ref": .string("#/components/schemas/\(name)")]
    }

    private func inline(_ schema: Schema) -> DocJSON {
        .object(schema.keywords.map { key, keyword in
            switch keyword {
            case .value(let value): return (key, value)
            case .schema(let child): return (key, render(child))
            case .schemas(let children): return (key, .array(children.map(render)))
            case .properties(let members): return (key, .object(members.map { ($0.0, render($0.1)) }))
            }
        })
    }
}
