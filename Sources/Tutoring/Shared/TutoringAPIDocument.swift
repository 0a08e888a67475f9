import HTTPTypes
import RegistrarCore

/// The tutoring API's OpenAPI document: each module's `operations`, completed from its route declarations
/// (access → security and the 401/403 codes, bodies → 400) and wrapped in the envelope.
enum TutoringAPIDocument {
    static let title = "辅导机构管理后台 API (tutoring admin)"

    static func make(_ declared: [TutoringRoute], modules: [any TutoringRouteModule]) -> OpenAPIDocument {
        var index: [String: APIOperation] = [:]
        for operation in modules.flatMap(\.operations) { index["\(operation.method.rawValue) \(operation.path)"] = operation }
        let routes = declared.compactMap { route in
            index["\(route.method.rawValue) \(route.path)"].map { document($0, access: route.access) }
        }
        return OpenAPIDocument(
            title: title, version: "1.0",
            description: """
                辅导机构的管理后台：员工（7 种角色）、学生线索与跟进、试听预约、教师、订单与课程。成功回答为 \
                `{code: 0, msg: "成功", data}`（部分接口没有 `data`）；错误为 HTTP 200 的 `{code, msg, field_name}`\
                （400 参数、401 未登录或已过期、403 没有权限、404 不存在、429 登录过于频繁）；未知路径为 HTTP 404。
                """,
            securitySchemes: [
                ("sessionCookie", ["type": "apiKey", "in": "cookie", "name": "tutoring_sid", "description": "登录后设置的会话 Cookie"]),
                ("bearer", ["type": "http", "scheme": "bearer", "description": "登录回答中的 token：`Authorization: Bearer <token>`"]),
            ],
            routes: OpenAPIRoutes.operations(tag: "system") + routes)
    }

    /// Declared routes without an operation, and operations without a declared route (both expected empty).
    static func mismatches(_ declared: [TutoringRoute], modules: [any TutoringRouteModule]) -> (undocumented: [String], unrouted: [String]) {
        let routes = Set(declared.map { "\($0.method.rawValue) \($0.path)" })
        let documented = modules.flatMap(\.operations).map { "\($0.method.rawValue) \($0.path)" }
        return (routes.subtracting(documented).sorted(), Set(documented).subtracting(routes).sorted())
    }

    static func document(_ operation: APIOperation, access: TutoringAccess) -> DocumentedRoute {
        var codes = Set(operation.errors)
        if access != .public { codes.insert(401) }
        if case .roles = access { codes.insert(403) }
        if operation.body != nil || !operation.query.isEmpty { codes.insert(400) }
        var described = operation
        described.notes = [operation.notes, accessNote(access)].compactMap { $0 }.joined(separator: "\n\n")
        let responses = operation.raw.isEmpty ? [
            APIResponse(
                status: 200, "`code` 0 为成功，否则为错误（可能的错误码：\(codes.sorted().map(String.init).joined(separator: ", "))）",
                content: [("application/json", .anyOf([success(operation), TutoringSchemas.error(codes.sorted())]))]),
            APIResponse(status: 500, "服务器内部错误", content: [("application/json", TutoringSchemas.fault)]),
        ] : operation.raw
        return DocumentedRoute(
            operation: described, path: operation.path, tag: tag(operation.path),
            security: access == .public ? [] : ["sessionCookie", "bearer"], responses: responses)
    }

    /// `{code: 0, msg, data}` (and members beside `data`), or without `data` for endpoints that answer none.
    static func success(_ operation: APIOperation) -> Schema {
        guard let data = operation.data else { return .object(["code": .constant(0), "msg": .string]) }
        let envelope = Schema.object(["code": .constant(0), "msg": .string, "data": data])
        return operation.besideData.reduce(envelope) { $0.adding([$1.0: $1.1]) }
    }

    static func accessNote(_ access: TutoringAccess) -> String {
        switch access {
        case .public: return "无需登录。"
        case .anyStaff: return "需要登录：任何角色。"
        case .roles(let roles):
            return "需要登录；角色：" + StaffRole.allCases.filter(roles.contains).map { "\($0.rawValue) \($0.name)" }.joined(separator: "、") + "。"
        }
    }

    /// `/admin/order/list` → `order`.
    static func tag(_ path: String) -> String {
        path.split(separator: "/").dropFirst().first.map(String.init) ?? "admin"
    }
}

/// Schemas and bodies every tutoring module's documentation shares.
enum TutoringSchemas {
    static func error(_ codes: [Int]) -> Schema {
        .object(["code": .integers(codes), "msg": .string, "field_name": .string], optional: ["field_name"])
    }

    static let fault = Schema.object(["code": .constant(500), "msg": .string, "field_name": .string], optional: ["field_name"])
        .named("ServerFault")

    /// A numbered page (§1.7): `{page, allPage, total, list}`.
    static func page(_ item: Schema) -> Schema {
        .object(["page": .integer, "allPage": .integer, "total": .integer, "list": .array(item)])
    }

    static let page = APIParameter("page", .integer.minimum(1), "页码，从 1 开始")

    /// The encodings a tutoring body is read from (no multipart).
    static func fields(_ schema: Schema, required: Bool = true) -> APIBody {
        APIBody(schema, mediaTypes: [APIBody.json, APIBody.form], required: required)
    }
}
