import RegistrarCore

/// Schemas of an enumeration, derived from its `ChoiceSet` so the document lists exactly the keys and labels
/// the server reads and writes.
extension ChoiceSet {
    /// A stored key (`"MALE"`), each with its label.
    func keySchema(excluding excluded: Set<String> = []) -> Schema {
        ChoiceSchemas.key(items.filter { !excluded.contains($0.key) }.map { ($0.key, $0.verbose) })
    }

    /// A value as rendered (conventions §10.1): `{"key": "MALE", "verbose": "男"}`.
    var renderedSchema: Schema { ChoiceSchemas.rendered(items.map { ($0.key, $0.verbose) }) }

    /// A value as read (§10.2, D20): the key, or an object whose `key` is the key.
    func inputSchema(excluding excluded: Set<String> = []) -> Schema {
        let key = keySchema(excluding: excluded)
        return .anyOf([key, .object(["key": key])])
    }
}

enum ChoiceSchemas {
    static func key(_ pairs: [(key: String, verbose: String)]) -> Schema {
        Schema.string
            .with("enum", .array(pairs.map { .string($0.key) }))
            .with("x-enum-descriptions", .array(pairs.map { .string($0.verbose) }))
            .describe(pairs.map { "\($0.key): \($0.verbose)" }.joined(separator: "; "))
    }

    static func rendered(_ pairs: [(key: String, verbose: String)]) -> Schema {
        .object(["key": key(pairs), "verbose": Schema.string.with("enum", .array(pairs.map { .string($0.verbose) }))])
    }

    /// The same as raw JSON, for objects whose member names are data (`GET /common/global_enums/`).
    static func renderedJSON(_ pairs: [(key: String, verbose: String)]) -> DocJSON {
        [
            "type": "object",
            "properties": [
                "key": ["type": "string", "enum": .array(pairs.map { .string($0.key) })],
                "verbose": ["type": "string", "enum": .array(pairs.map { .string($0.verbose) })],
            ],
            "required": ["key", "verbose"],
        ]
    }
}
