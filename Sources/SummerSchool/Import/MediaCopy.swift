import Foundation
import RegistrarCore
import SQLKit

/// Copies the image files the imported rows name from the original's media folder into the media root, after
/// the import committed. Paths are read back from the tables a page at a time, so memory stays bounded.
enum MediaCopy {
    static let columns: [(table: String, column: String)] = [
        ("summer_sales_man", "qr_code"), ("summer_user_course", "confirm_img"), ("summer_user_course", "switch_img"),
        ("summer_order_payment", "img"),
    ]

    private struct PathRow: Decodable {
        let id: Int
        let path: String?
    }

    /// Returns the number of files copied (files already present with the same size are left alone).
    static func run(from: String, to root: String, on sql: any SQLDatabase) async throws -> Int {
        let source = URL(fileURLWithPath: from).standardizedFileURL.path
        var copied = 0
        for (table, column) in columns {
            var after = 0
            while true {
                let rows = try await sql.raw("""
                    SELECT id, \(ident: column) AS path FROM \(ident: table) WHERE id > \(bind: after) ORDER BY id LIMIT 1000
                    """).all(decoding: PathRow.self)
                guard let last = rows.last else { break }
                after = last.id
                for row in rows {
                    guard let path = row.path, !path.isEmpty, !MediaCheck.isURL(path),
                          let file = MediaCheck.source(path, in: source)
                    else { continue }
                    if try copy(file, to: root + "/" + path) { copied += 1 }
                }
            }
        }
        return copied
    }

    private static func copy(_ file: String, to target: String) throws -> Bool {
        let manager = FileManager.default
        if let existing = try? manager.attributesOfItem(atPath: target)[.size] as? Int,
           let size = try? manager.attributesOfItem(atPath: file)[.size] as? Int, existing == size {
            return false
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
        try manager.copyItem(atPath: file, toPath: target)
        return true
    }
}
