import SQLKit

extension SQLQueryFetcher {
    /// The row a statement always answers (`INSERT … RETURNING`, an aggregate), non-optional: no row is a
    /// server fault (a 500 envelope), never a crash.
    public func row<Row: Decodable>(decoding type: Row.Type) async throws -> Row {
        guard let row = try await first(decoding: Row.self) else { throw AppError.serverFault }
        return row
    }
}
