import Foundation

/// Where the data lives: `sqlite://path`, `sqlite://:memory:` or `postgres://user:pass@host:port/db`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// The embedded default: a SQLite file under the working folder.
    public static let defaultURL = "sqlite://data/registrar.sqlite"

    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite://") {
            let rest = String(trimmed.dropFirst("sqlite://".count))
            guard !rest.isEmpty else { throw ConfigurationError("数据库地址缺少文件路径：\(text)") }
            self = rest == ":memory:" ? .sqliteMemory : .sqliteFile(path: rest)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else {
            throw ConfigurationError("不支持的数据库地址：\(text)（应为 sqlite://… 或 postgres://…）")
        }
    }

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// The URL with any password masked, for logs.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite://:memory:"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
