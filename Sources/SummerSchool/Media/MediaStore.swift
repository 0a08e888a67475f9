import Foundation
import NIOPosix

/// Files under the media root: uploaded images are written here and served back at `/media/<relative path>`.
struct MediaStore: Sendable {
    let root: String

    init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// Writes `image` as `<folder>/<first 12 characters of a UUID>.<ext>` and returns that relative path.
    func save(_ image: Base64Image, in folder: String) async throws -> String {
        let name = image.randomFileName
        let relative = folder + "/" + name
        let directory = URL(fileURLWithPath: root).appendingPathComponent(folder, isDirectory: true)
        let file = directory.appendingPathComponent(name)
        let bytes = Data(image.bytes)
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try bytes.write(to: file, options: .atomic)
        }
        return relative
    }

    /// Removes a file written by `save` (used when the request that wrote it fails afterwards).
    func remove(_ relative: String) {
        guard let path = filePath(for: relative) else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The absolute path of a regular file inside the root named by `relative` (percent-decoded already),
    /// or nil: empty, `.`/`..` segments, backslashes, NUL, hidden names and anything resolving outside the
    /// root (symbolic links included) are refused.
    func filePath(for relative: String) -> String? {
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy({ segment in
            !segment.isEmpty && !segment.hasPrefix(".") && !segment.contains("\\") && !segment.contains("\0")
        }) else { return nil }
        let rootURL = URL(fileURLWithPath: root).resolvingSymlinksInPath()
        let candidate = rootURL.appendingPathComponent(relative).resolvingSymlinksInPath()
        guard candidate.path.hasPrefix(rootURL.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return candidate.path
    }
}
