import Foundation
import Hummingbird
import RegistrarCore

/// `GET /media/<relative path>`: uploaded files, served from the media root without login (conventions §13).
/// Registered on the router itself, outside the API pipeline: a file answers bytes, never an envelope.
struct MediaRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        let store = MediaStore(root: routes.app.settings.mediaRoot)
        routes.file("/media/**", documentedAs: "/media/{path}") { request, context in
            try await Self.serve(request, context: context, store: store)
        }
    }

    private static func serve(_ request: Request, context: RegistrarContext, store: MediaStore) async throws -> Response {
        let raw = request.uri.path.dropFirst("/media/".count)
        guard let relative = String(raw).removingPercentEncoding, let path = store.filePath(for: relative) else {
            throw APIStyle.summer.notFound
        }
        let body: ResponseBody
        do {
            body = try await FileIO().loadFile(path: path, context: context)
        } catch {
            throw APIStyle.summer.notFound
        }
        let ext = (path as NSString).pathExtension
        let type = MediaType.getMediaType(forExtension: ext)?.description ?? "application/octet-stream"
        // nosniff: an uploaded file is only ever served as the type its extension names.
        var response = Response(status: .ok, headers: [.contentType: type, .xContentTypeOptions: "nosniff"], body: body)
        if request.method == .head { response.body = .init() }
        return response
    }
}
