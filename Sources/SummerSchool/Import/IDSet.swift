/// The ids imported into one table, to check references without querying: a bit per id below `bitLimit`
/// (ids are dense in practice, so a million rows cost 128 KB), a hash set above it.
struct IDSet {
    private static let bitLimit = 1 << 26
    private var words: [UInt64] = []
    private var sparse: Set<Int> = []
    private(set) var count = 0

    /// Adds `id`; false when it was already there.
    mutating func insert(_ id: Int) -> Bool {
        guard id >= 0, id < Self.bitLimit else {
            let inserted = sparse.insert(id).inserted
            if inserted { count += 1 }
            return inserted
        }
        let word = id >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        let bit = UInt64(1) << UInt64(id & 63)
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    func contains(_ id: Int) -> Bool {
        guard id >= 0, id < Self.bitLimit else { return sparse.contains(id) }
        let word = id >> 6
        return word < words.count && words[word] & (UInt64(1) << UInt64(id & 63)) != 0
    }
}
