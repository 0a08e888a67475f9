import HTTPTypes

/// One documented operation: what a route reads and what it answers. Each API fills in the parts that follow
/// from its route declarations (security, envelope, error codes) when it assembles its document.
public struct APIOperation: Sendable {
    public var method: HTTPRequest.Method
    /// The path as the route declares it, `{name}` for parameters.
    public var path: String
    public var summary: String
    public var notes: String?
    public var query: [APIParameter]
    public var body: APIBody?
    /// The envelope's `data`; `nil` for answers without a `data` key.
    public var data: Schema?
    /// Envelope error codes the handler itself can answer, beyond those that follow from the declaration.
    public var errors: [Int]
    /// Answers that are not envelopes (files, documents, pages); empty for envelope answers.
    public var raw: [APIResponse]
    /// Path parameters that are not ids (the default schema is an integer).
    public var pathSchemas: [String: Schema]
    /// Members of the success envelope beside `data` (`Envelope.extras`).
    public var besideData: [(String, Schema)] = []

    public init(
        _ method: HTTPRequest.Method, _ path: String, _ summary: String, notes: String? = nil,
        query: [APIParameter] = [], body: APIBody? = nil, data: Schema? = nil, errors: [Int] = [], raw: [APIResponse] = [],
        pathSchemas: [String: Schema] = [:]
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.notes = notes
        self.query = query
        self.body = body
        self.data = data
        self.errors = errors
        self.raw = raw
        self.pathSchemas = pathSchemas
    }

    public static func get(
        _ path: String, _ summary: String, notes: String? = nil, query: [APIParameter] = [], data: Schema? = nil, errors: [Int] = [],
        raw: [APIResponse] = [], pathSchemas: [String: Schema] = [:]
    ) -> APIOperation {
        APIOperation(.get, path, summary, notes: notes, query: query, data: data, errors: errors, raw: raw, pathSchemas: pathSchemas)
    }
    public static func post(_ path: String, _ summary: String, notes: String? = nil, query: [APIParameter] = [], body: APIBody? = nil, data: Schema? = nil, errors: [Int] = []) -> APIOperation {
        APIOperation(.post, path, summary, notes: notes, query: query, body: body, data: data, errors: errors)
    }
    public static func put(_ path: String, _ summary: String, notes: String? = nil, query: [APIParameter] = [], body: APIBody? = nil, data: Schema? = nil, errors: [Int] = []) -> APIOperation {
        APIOperation(.put, path, summary, notes: notes, query: query, body: body, data: data, errors: errors)
    }
    public static func patch(_ path: String, _ summary: String, notes: String? = nil, query: [APIParameter] = [], body: APIBody? = nil, data: Schema? = nil, errors: [Int] = []) -> APIOperation {
        APIOperation(.patch, path, summary, notes: notes, query: query, body: body, data: data, errors: errors)
    }
    public static func delete(_ path: String, _ summary: String, notes: String? = nil, query: [APIParameter] = [], body: APIBody? = nil, data: Schema? = nil, errors: [Int] = []) -> APIOperation {
        APIOperation(.delete, path, summary, notes: notes, query: query, body: body, data: data, errors: errors)
    }

    /// The same operation with members beside `data` in its success envelope.
    public func besideData(_ members: KeyValuePairs<String, Schema>) -> APIOperation {
        var copy = self
        copy.besideData = members.map { ($0.key, $0.value) }
        return copy
    }

    /// The `{name}` segments of the path.
    public var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

/// A query-string parameter.
public struct APIParameter: Sendable {
    public var name: String
    public var schema: Schema
    public var required: Bool
    public var description: String?

    public init(_ name: String, _ schema: Schema, required: Bool = false, _ description: String? = nil) {
        self.name = name
        self.schema = schema
        self.required = required
        self.description = description
    }
}

/// A request body: one schema, offered in each media type the route reads.
public struct APIBody: Sendable {
    public var schema: Schema
    public var mediaTypes: [String]
    public var required: Bool

    public init(_ schema: Schema, mediaTypes: [String], required: Bool = true) {
        self.schema = schema
        self.mediaTypes = mediaTypes
        self.required = required
    }

    public static let json = "application/json"
    public static let form = "application/x-www-form-urlencoded"
    public static let multipart = "multipart/form-data"
}

/// One documented answer.
public struct APIResponse: Sendable {
    public var status: Int
    public var description: String
    /// Media type → schema; empty for answers without a body.
    public var content: [(String, Schema)]

    public init(status: Int = 200, _ description: String, content: [(String, Schema)] = []) {
        self.status = status
        self.description = description
        self.content = content
    }
}
