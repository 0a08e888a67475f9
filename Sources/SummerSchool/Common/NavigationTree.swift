import SQLKit

/// The admin console menu (identity spec §5.2): first levels by id, each with its second levels by id.
struct NavigationEntry: Encodable, Sendable {
    struct Child: Encodable, Sendable {
        let id: Int
        let name: String
        let key: String
    }

    let id: Int
    let name: String
    let key: String
    var second_levels: [Child]
}

enum NavigationTree {
    private struct FirstRow: Decodable {
        let id: Int
        let name: String
        let key: String
    }

    private struct SecondRow: Decodable {
        let id: Int
        let name: String
        let key: String
        let pre_id: Int
    }

    /// Two queries, whatever the size of the tree.
    static func load(on sql: any SQLDatabase) async throws -> [NavigationEntry] {
        let firsts = try await sql.raw("SELECT id, name, \"key\" FROM summer_common_first_level ORDER BY id")
            .all(decoding: FirstRow.self)
        let seconds = try await sql.raw("SELECT id, name, \"key\", pre_id FROM summer_common_second_level ORDER BY id")
            .all(decoding: SecondRow.self)
        let children = Dictionary(grouping: seconds, by: \.pre_id)
        return firsts.map { first in
            NavigationEntry(
                id: first.id, name: first.name, key: first.key,
                second_levels: (children[first.id] ?? []).map { .init(id: $0.id, name: $0.name, key: $0.key) })
        }
    }
}
