import Foundation

/// `--media-from DIR`: which referenced image files exist in the original's media folder. Missing files are
/// listed in the report, not fatal; the files are copied once the import has committed (`MediaCopy`).
struct MediaCheck: Sendable {
    static let listed = 50
    let from: String
    private(set) var referenced = 0
    private(set) var missingCount = 0
    private(set) var missing: [String] = []

    init(from: String) { self.from = URL(fileURLWithPath: from).standardizedFileURL.path }

    mutating func check(_ path: String, model: String, pk: Int, field: String) {
        guard !Self.isURL(path) else { return }
        referenced += 1
        if Self.source(path, in: from) == nil {
            missingCount += 1
            if missing.count < Self.listed { missing.append("\(model) pk \(pk) \(field): \(path)") }
        }
    }

    static func isURL(_ path: String) -> Bool { path.hasPrefix("http://") || path.hasPrefix("https://") }

    /// The file of a relative media path under `root`, or nil when absent or when the path could leave the folder.
    static func source(_ relative: String, in root: String) -> String? {
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else { return nil }
        let path = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return path
    }
}
