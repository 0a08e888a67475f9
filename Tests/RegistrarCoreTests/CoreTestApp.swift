import Hummingbird
import Logging
import RegistrarCore
import SQLKit
import SummerSchool
import Tutoring

/// A router with the core mechanisms wired the way the apps use them, plus probe routes.
enum CoreTestApp {
    static let logger: Logger = {
        var logger = Logger(label: "registrar.core-tests")
        logger.logLevel = .critical
        return logger
    }()

    struct Boom: Error {}
    struct Item: Codable, Sendable { let id: Int; let name: String }

    static func application(style: APIStyle, policy: BodyPolicy, database: RegistrarDatabase) -> some ApplicationProtocol {
        let router = makeAPIRouter(style: style, database: database, logger: logger)
        router.post("/echo") { request, _ -> Envelope<JSONValue> in
            let input = try await RequestInput.body(request, policy: policy)
            return Envelope(msg: "成功", data: render(input))
        }
        router.get("/query") { request, _ -> Envelope<JSONValue> in
            Envelope(msg: "成功", data: render(RequestInput.query(request)))
        }
        router.get("/fail") { _, _ -> Envelope<EmptyObject> in
            throw AppError(code: 409, msg: "冲突", fieldName: "name")
        }
        router.get("/bare") { _, _ -> Envelope<EmptyObject> in
            throw AppError(code: 401, msg: "未登陆", bare: true)
        }
        router.get("/boom") { _, _ -> Envelope<EmptyObject> in
            ResponseHeaders.set(.init("X-Probe")!, "set before the fault")
            throw Boom()
        }
        router.get("/items") { request, _ -> Envelope<LinkedPage<Item>> in
            let page = Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1
            let window = PageWindow(page: page, size: 10)
            let query = PagedQuery(
                filter: { $0.from("core_item") },
                select: { $0.columns("id", "name").orderBy("id") })
            let total = try await query.count(on: database.sql)
            let rows = try await query.rows(on: database.sql, window: window, total: total, decoding: Item.self)
            return Envelope(msg: "请求成功", data: LinkedPage(request: request, window: window, total: total, results: rows))
        }
        return Application(router: router, logger: logger)
    }

    static func render(_ input: RequestInput) -> JSONValue {
        var object: [String: JSONValue] = ["_source": .string("\(input.source)")]
        for (key, value) in input.values {
            switch value {
            case .json(let json): object[key] = json
            case .text(let list): object[key] = .array(list.map { .string($0) })
            case .file(let name, let bytes): object[key] = .string("file:\(name ?? ""):\(bytes.count)")
            }
        }
        return .object(object)
    }
}
