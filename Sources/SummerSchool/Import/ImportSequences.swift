import SQLKit

/// After rows were inserted with their own ids, new rows must get ids above them.
enum ImportSequences {
    private struct Definition: Decodable { let sql: String? }

    static func advance(_ tables: [ImportTable], isSQLite: Bool, on sql: any SQLDatabase) async throws {
        for table in tables where table.hasID {
            if isSQLite {
                // AUTOINCREMENT tables (FluentKit creates them so) keep the highest id ever inserted in
                // sqlite_sequence, which inserts with explicit ids already raise; this makes sure of it.
                let definition = try await sql.raw("""
                    SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: table.name)
                    """).first(decoding: Definition.self)
                guard definition?.sql?.uppercased().contains("AUTOINCREMENT") == true else { continue }
                try await sql.raw("""
                    INSERT INTO sqlite_sequence (name, seq) SELECT \(bind: table.name), 0 \
                    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = \(bind: table.name))
                    """).run()
                try await sql.raw("""
                    UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM \(ident: table.name)) \
                    WHERE name = \(bind: table.name) AND seq < (SELECT MAX(id) FROM \(ident: table.name))
                    """).run()
            } else {
                try await sql.raw("""
                    SELECT setval(pg_get_serial_sequence(\(bind: table.name), 'id'), MAX(id)) FROM \(ident: table.name) \
                    HAVING MAX(id) IS NOT NULL
                    """).run()
            }
        }
    }
}
