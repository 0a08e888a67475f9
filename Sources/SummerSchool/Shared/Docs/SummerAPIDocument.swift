import HTTPTypes
import RegistrarCore

/// The summer API's OpenAPI document: each module's `operations`, completed from its route declarations
/// (access → security and the 401/403 codes, `{id}` → 404, bodies → 400) and wrapped in the envelope.
enum SummerAPIDocument {
    static let title = "暑校平台 API (summer school)"

    static func make(_ declared: [SummerRoute]) -> OpenAPIDocument {
        let operations = SummerSchoolApp.modules.flatMap(\.operations)
        var index: [String: APIOperation] = [:]
        for operation in operations { index[key(operation.method, operation.path)] = operation }
        let routes = declared.compactMap { route in
            index[key(route.method, route.path)].map { document($0, access: route.access) }
        }
        return OpenAPIDocument(
            title: title, version: "1.0",
            description: """
                学生购买海外暑校课程的平台：账号与票据、校区、项目、课程、选课、购物车、订单、支付凭证、优惠券、销售顾问、推广渠道、\
                子账号、成绩单与学分转换，以及员工后台。每个回答都是信封 `{code, msg, data, field_name}`：HTTP 200，`code` 0 为成功，\
                其余为错误码（400 参数、401 未登陆、403 无权限、404 不存在、405 方法不允许、429 登录过于频繁）。路径带或不带末尾的 `/` 均可。
                """,
            securitySchemes: [
                ("ticketCookie", ["type": "apiKey", "in": "cookie", "name": "ticket", "description": "登录后得到的票据（Cookie）"]),
                ("ticketQuery", ["type": "apiKey", "in": "query", "name": "ticket", "description": "没有 Cookie 时，票据放在查询参数 ticket 中"]),
            ],
            routes: OpenAPIRoutes.operations(tag: "system") + routes)
    }

    /// Declared routes without an operation, and operations without a declared route (both expected empty).
    static func mismatches(_ declared: [SummerRoute]) -> (undocumented: [String], unrouted: [String]) {
        let routes = Set(declared.map { key($0.method, $0.path) })
        let documented = SummerSchoolApp.modules.flatMap(\.operations).map { key($0.method, $0.path) }
        return (routes.subtracting(documented).sorted(), Set(documented).subtracting(routes).sorted())
    }

    /// The key of an operation: method and path without the trailing slash.
    static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        "\(method.rawValue) \(path.hasSuffix("/") ? String(path.dropLast()) : path)"
    }

    static func document(_ operation: APIOperation, access: Access) -> DocumentedRoute {
        var codes = Set(operation.errors)
        if access.requiresLogin { codes.insert(401) }
        if access.roles != nil || Endpoint.isAdminArea(operation.path) { codes.insert(403) }
        if !operation.pathParameters.isEmpty { codes.insert(404) }
        if operation.body != nil { codes.formUnion([400, 415]) }  // 415: a media type other than JSON, form or multipart
        if operation.query.contains(where: { $0.name == "page" }) { codes.insert(404) }
        var described = operation
        described.notes = [operation.notes, accessNote(access)].compactMap { $0 }.joined(separator: "\n\n")
        var responses = operation.raw.isEmpty ? [
            APIResponse(
                status: 200, "信封：`code` 0 为成功（`data` 见下），否则为错误（可能的错误码：\(codes.sorted().map(String.init).joined(separator: ", "))）",
                content: [("application/json", .anyOf([success(operation.data ?? .emptyObject), SummerSchemas.error(codes.sorted())]))]),
            APIResponse(status: 500, "服务器内部错误", content: [("application/json", SummerSchemas.fault)]),
        ] : operation.raw
        if !operation.pathParameters.isEmpty && operation.raw.isEmpty {
            // Conventions §2.1: a path segment that is not an id (`1.5`) matches no route.
            responses.append(APIResponse(status: 404, "路径参数不是 id 时没有匹配的接口：接口不存在", content: [("application/json", SummerSchemas.error([404]))]))
        }
        return DocumentedRoute(
            operation: described, path: operation.path.hasSuffix("/") || !operation.raw.isEmpty ? operation.path : operation.path + "/",
            tag: tag(operation.path),
            security: access.requiresLogin ? ["ticketCookie", "ticketQuery"] : [],
            responses: responses)
    }

    static func success(_ data: Schema) -> Schema {
        .object(["code": .constant(0), "msg": .string, "data": data, "field_name": .constant("")])
    }

    static func accessNote(_ access: Access) -> String {
        guard access.requiresLogin else { return "无需登录（带有效票据时仍会识别用户）。" }
        guard let roles = access.roles else { return "需要登录：任何角色。" }
        return "需要登录；角色：" + Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: "、") + "。"
    }

    /// `/admin/order/{id}/confirm` → `admin/order`.
    static func tag(_ path: String) -> String {
        path.split(separator: "/").prefix(2).filter { !$0.hasPrefix("{") }.joined(separator: "/")
    }
}
