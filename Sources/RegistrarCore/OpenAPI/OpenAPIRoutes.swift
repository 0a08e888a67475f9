import Hummingbird
import NIOConcurrencyHelpers

/// `GET /openapi.json` and `GET /docs` on an API's port: public, outside the envelope.
public enum OpenAPIRoutes {
    public static func add(to router: Router<RegistrarContext>, document: @escaping @Sendable () -> OpenAPIDocument, title: String) {
        // Rendered on first use, then kept: the document is fixed for the life of the process.
        let rendered = RenderedDocument(document)
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: rendered.json)))
        }
        let page = DocsPage.html(title: title)
        router.get("/docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }

    /// The operations of the routes every API serves beside its own: the health check and these two.
    public static func operations(tag: String) -> [DocumentedRoute] {
        let health = Schema.object(["status": .choice(["ok": "数据库可用", "unavailable": "数据库不可用"])]).named("Health")
        return [
            DocumentedRoute(
                operation: .get("/healthz", "健康检查（含一次数据库往返）"), path: "/healthz", tag: tag, security: [],
                responses: [
                    APIResponse(status: 200, "数据库可用", content: [("application/json", health)]),
                    APIResponse(status: 503, "数据库不可用", content: [("application/json", health)]),
                ]),
            DocumentedRoute(
                operation: .get("/openapi.json", "本 API 的 OpenAPI 3.1 文档"), path: "/openapi.json", tag: tag, security: [],
                responses: [APIResponse(status: 200, "OpenAPI 文档", content: [("application/json", .type("object"))])]),
            DocumentedRoute(
                operation: .get("/docs", "文档页面（渲染 /openapi.json）"), path: "/docs", tag: tag, security: [],
                responses: [APIResponse(status: 200, "HTML 页面", content: [("text/html", .string)])]),
        ]
    }
}

/// The document, rendered once on first use.
final class RenderedDocument: Sendable {
    private let make: @Sendable () -> OpenAPIDocument
    private let cache = NIOLockedValueBox<String?>(nil)

    init(_ make: @escaping @Sendable () -> OpenAPIDocument) { self.make = make }

    var json: String {
        cache.withLockedValue { cached in
            if let cached { return cached }
            let json = make().json
            cached = json
            return json
        }
    }
}

/// The page people read the document on: Swagger UI from its public CDN, and a plain link to the JSON that
/// stays useful when the renderer cannot load.
enum DocsPage {
    static func html(title: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — API 文档</title>
        <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
        </head>
        <body>
        <div id="swagger-ui">
        <p>\(title)：OpenAPI 3.1 文档在 <a href="/openapi.json">/openapi.json</a>。
        若页面未能显示接口列表，说明文档渲染器（Swagger UI，来自公共 CDN）无法加载；可直接下载该 JSON，
        或用任意 OpenAPI 工具打开。</p>
        <p>The OpenAPI 3.1 document is at <a href="/openapi.json">/openapi.json</a>.</p>
        </div>
        <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js" crossorigin></script>
        <script>
        if (window.SwaggerUIBundle) {
          window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
        }
        </script>
        </body>
        </html>
        """
    }
}
