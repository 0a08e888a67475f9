import RegistrarCore

/// Enumerations as the order and selection documents show them: the bare key (inputs, raw outputs) or the
/// rendered `{key, verbose}` (conventions §10.1), from the same `ChoiceSet` the server reads and writes.
extension ChoiceSet {
    /// The key, one of the set's, with its label.
    var openAPIKey: Schema {
        Schema.string
            .with("enum", .array(items.map { .string($0.key) }))
            .with("x-enum-descriptions", .array(items.map { .string($0.verbose) }))
            .describe(items.map { "\($0.key): \($0.verbose)" }.joined(separator: "; "))
    }

    /// `{key, verbose}`.
    var openAPIChoice: Schema {
        .object(["key": openAPIKey, "verbose": Schema.string.describe("中文标签")])
    }
}
