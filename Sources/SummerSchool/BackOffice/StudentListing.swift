import Hummingbird
import RegistrarCore
import SQLKit

/// The student list shared by `GET /admin/user_info/` (A1: staff-owned profiles hidden, filters) and
/// `GET /admin/statistics/` (D3: every profile, no filters). Pages in SQL, ascending profile id (DV-24);
/// four queries whatever the page size: count, rows (channel resolved per row in SQL), channels.
enum StudentListing {
    /// Case-insensitive substring filters on profile columns (A1); `%` and `_` match literally; nil pattern:
    /// the text cannot match (it holds a NUL).
    struct Filter: Sendable {
        let column: String
        let pattern: String?
    }

    static let filterColumns = ["name", "email", "wechat"]

    /// The A1 filters present in the query string; empty values are ignored.
    static func filters(_ query: RequestInput) -> [Filter] {
        filterColumns.compactMap { column in
            guard case .text(let values)? = query[column], let value = values.last?.trimmingCharacters(in: .whitespaces),
                  !value.isEmpty
            else { return nil }
            return Filter(column: column, pattern: LikePattern.contains(value))
        }
    }

    static func page(_ call: SummerCall, hideAdmins: Bool, filters: [Filter]) async throws -> LinkedPage<StudentListItem> {
        let query = PagedQuery(
            filter: { builder in
                var builder = builder.from(SQLRaw("summer_student_info si JOIN summer_user u ON u.id = si.user_id"))
                if hideAdmins { builder = builder.where(SQLColumn("role", table: "u"), .notEqual, SQLBind(Role.admin.rawValue)) }
                for filter in filters {
                    guard let pattern = filter.pattern else { builder = builder.where(SQLRaw("1 = 0")); continue }
                    // The column name is one of `filterColumns`; the pattern is bound.
                    builder = builder.where(SQLQueryString(
                        "LOWER(si.\(unsafeRaw: filter.column)) LIKE \(bind: pattern) \(unsafeRaw: LikePattern.escapeClause)"))
                }
                return builder
            },
            select: { $0.column(SQLRaw(StudentListItem.Row.columns)).orderBy(SQLColumn("id", table: "si"), SQLDirection.ascending) })
        return try await call.page(query, decoding: StudentListItem.Row.self) { rows in
            let channels = try await StudentChannel.load(ids: rows.compactMap(\.channel_ref), on: call.sql)
            return rows.map { StudentListItem($0, channels: channels) }
        }
    }
}
