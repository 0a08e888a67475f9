import HTTPTypes

/// An operation as it appears in a document: the authored `APIOperation` with what its API derives from the
/// route declaration (path spelling, tag, security, answers).
public struct DocumentedRoute: Sendable {
    public var operation: APIOperation
    /// The path as clients write it (the summer API's trailing slash, say).
    public var path: String
    public var tag: String
    /// Security schemes any one of which admits the caller; empty = public.
    public var security: [String]
    public var responses: [APIResponse]

    public init(operation: APIOperation, path: String, tag: String, security: [String], responses: [APIResponse]) {
        self.operation = operation
        self.path = path
        self.tag = tag
        self.security = security
        self.responses = responses
    }
}

/// An OpenAPI 3.1 document, rendered once when the API starts.
public struct OpenAPIDocument: Sendable {
    /// The document as JSON text.
    public let json: String
    /// Schema names used for two different schemas (expected empty; the document tests check it).
    public let conflicts: [String]

    public init(
        title: String, version: String, description: String, securitySchemes: [(String, DocJSON)], routes: [DocumentedRoute]
    ) {
        let components = SchemaComponents()
        var paths: [(String, [(String, DocJSON)])] = []
        for route in routes {
            let operation = Self.render(route, components: components)
            let method = route.operation.method.rawValue.lowercased()
            if let index = paths.firstIndex(where: { $0.0 == route.path }) {
                paths[index].1.append((method, operation))
            } else {
                paths.append((route.path, [(method, operation)]))
            }
        }
        let tags = routes.map(\.tag).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let document: DocJSON = [
            "openapi": "3.1.0",
            "info": ["title": .string(title), "version": .string(version), "description": .string(description)],
            "tags": .array(tags.map { ["name": .string($0)] }),
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "schemas": .object(components.rendered.sorted { $0.0 < $1.0 }),
                "securitySchemes": .object(securitySchemes),
            ],
        ]
        json = document.text
        conflicts = components.conflicts
    }

    static func render(_ route: DocumentedRoute, components: SchemaComponents) -> DocJSON {
        let operation = route.operation
        var members: [(String, DocJSON)] = [
            ("tags", [.string(route.tag)]),
            ("summary", .string(operation.summary)),
            ("operationId", .string(operationID(operation.method, route.path))),
        ]
        if let notes = operation.notes { members.append(("description", .string(notes))) }
        // A path parameter is a row id (ids start at 1) unless the operation gives its schema.
        var parameters: [DocJSON] = operation.pathParameters.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": components.render(operation.pathSchemas[name] ?? .integer.minimum(1))]
        }
        parameters += operation.query.map { parameter in
            var member: [(String, DocJSON)] = [
                ("name", .string(parameter.name)), ("in", "query"), ("required", .bool(parameter.required)),
                ("schema", components.render(parameter.schema)),
            ]
            if let description = parameter.description { member.append(("description", .string(description))) }
            return .object(member)
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body = operation.body {
            let schema = components.render(body.schema)
            members.append((
                "requestBody",
                ["required": .bool(body.required), "content": .object(body.mediaTypes.map { ($0, ["schema": schema]) })]
            ))
        }
        members.append((
            "responses",
            .object(route.responses.map { response in
                var member: [(String, DocJSON)] = [("description", .string(response.description))]
                if !response.content.isEmpty {
                    member.append(("content", .object(response.content.map { ($0.0, ["schema": components.render($0.1)]) })))
                }
                return (String(response.status), .object(member))
            })
        ))
        members.append(("security", .array(route.security.map { .object([($0, .array([]))]) })))
        return .object(members)
    }

    /// `get_admin_order_id_confirm` for `GET /admin/order/{id}/confirm/`.
    static func operationID(_ method: HTTPRequest.Method, _ path: String) -> String {
        let words = path.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
        return ([method.rawValue.lowercased()] + words).joined(separator: "_")
    }
}
