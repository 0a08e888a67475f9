import Hummingbird
import RegistrarCore
import SQLKit

/// Page-number pagination of the summer API (conventions §8): 10 per page, `page` = positive integer or `last`.
public enum SummerPagination {
    public static let pageSize = 10

    public enum Requested: Sendable, Equatable { case number(Int), last }

    /// The requested page; invalid text → code 404 `无效页面。`.
    public static func requested(_ query: RequestInput) throws -> Requested {
        guard case .text(let values)? = query["page"], let text = values.last else { return .number(1) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "last" { return .last }
        let digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let number = Int(digits), number >= 1
        else { throw AppError.invalidPage }
        return .number(number)
    }

    /// The window for `requested` over `total` rows; past the last page → `无效页面。` (page 1 always exists).
    public static func window(_ requested: Requested, total: Int) throws -> PageWindow {
        let pages = max(PageWindow.pageCount(total: total, size: pageSize), 1)
        switch requested {
        case .last: return PageWindow(page: pages, size: pageSize)
        case .number(let number):
            guard number <= pages else { throw AppError.invalidPage }
            return PageWindow(page: number, size: pageSize)
        }
    }

    /// Counts, checks the page, fetches its rows and maps them (batch look-ups belong in `transform`).
    public static func page<Row: Decodable, Item: Encodable & Sendable>(
        _ query: PagedQuery, request: Request, on sql: any SQLDatabase, decoding: Row.Type,
        _ transform: ([Row]) async throws -> [Item]
    ) async throws -> LinkedPage<Item> {
        let requested = try requested(RequestInput.query(request))
        // A numbered page reads its rows and the total in one statement; an empty answer is either page 1 of
        // an empty list or a page past the end (`window` decides). The last page needs the total first.
        if case .number(let number) = requested {
            let (rows, total) = try await query.page(on: sql, window: PageWindow(page: number, size: pageSize), decoding: Row.self)
            let window = try window(requested, total: total)
            return LinkedPage(request: request, window: window, total: total, results: try await transform(rows))
        }
        let total = try await query.count(on: sql)
        let window = try window(requested, total: total)
        let rows = try await query.rows(on: sql, window: window, total: total, decoding: Row.self)
        return LinkedPage(request: request, window: window, total: total, results: try await transform(rows))
    }
}
