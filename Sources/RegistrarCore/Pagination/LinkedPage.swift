import Foundation
import Hummingbird

/// The summer API's page: `{count, next, previous, results}` with absolute links.
public struct LinkedPage<Item: Encodable & Sendable>: Encodable, Sendable {
    public var count: Int
    public var next: String?
    public var previous: String?
    public var results: [Item]

    public init(count: Int, next: String?, previous: String?, results: [Item]) {
        self.count = count
        self.next = next
        self.previous = previous
        self.results = results
    }

    public init(request: Request, window: PageWindow, total: Int, results: [Item]) {
        let last = max(window.pageCount(total: total), 1)
        self.init(
            count: total,
            next: window.page < last ? PageLinks.url(for: request, page: window.page + 1) : nil,
            previous: window.page > 1 ? PageLinks.url(for: request, page: window.page - 1) : nil,
            results: results)
    }

    private enum CodingKeys: String, CodingKey { case count, next, previous, results }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(next, forKey: .next)  // explicit null, not an absent key
        try container.encode(previous, forKey: .previous)
        try container.encode(results, forKey: .results)
    }
}

/// Absolute page links: the request's scheme, host and path, its query parameters sorted by name with
/// `page` replaced (left out for page 1). A `ticket` parameter (a login credential) is never copied into
/// links, which clients store, log and share.
public enum PageLinks {
    public static func url(for request: Request, page: Int) -> String {
        var pairs: [(String, String)] = []
        for (key, value) in FormURLEncoded.parse(request.uri.query ?? "") where key != "page" && key != "ticket" {
            if case .text(let list) = value, let last = list.last { pairs.append((key, last)) }
        }
        if page > 1 { pairs.append(("page", String(page))) }
        pairs.sort { $0.0 < $1.0 }
        let query = pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
        return baseURL(of: request) + request.uri.path + (query.isEmpty ? "" : "?" + query)
    }

    /// `scheme://host` of the request, honouring a reverse proxy's `X-Forwarded-Proto`.
    public static func baseURL(of request: Request) -> String {
        let scheme = request.headers[.init("X-Forwarded-Proto")!]?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? request.uri.scheme?.rawValue ?? "http"
        let host = request.head.authority ?? "localhost"
        return "\(scheme)://\(host)"
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
