import Foundation
import RegistrarCore

/// What an import read, wrote and skipped, per export model, with the post-import warnings. `text` is what
/// the command prints.
public struct ImportReport: Sendable {
    public struct ModelLine: Sendable, Equatable {
        public var read = 0
        public var imported = 0
        public var skipped = 0
        public var reason: String?
    }

    public var dryRun = false
    /// Per model label, in the order the export first showed them.
    public private(set) var models: [(label: String, line: ModelLine)] = []
    /// Fields of known models that Registrar has no place for, per model (each reported once).
    public var unknownFields: [String: [String]] = [:]
    /// Rows written per Registrar table (link tables included).
    public var tableRows: [String: Int] = [:]
    /// Soft references set to null, per column: how many were 0 (the original's "none") and how many named a
    /// missing row.
    public var clearedReferences: [(column: String, zero: Int, missing: Int)] = []
    public var media: (referenced: Int, missingCount: Int, missing: [String], copied: Int?)?
    public var warnings: [InvariantWarning] = []
    public var seconds: Double = 0

    public func line(_ label: String) -> ModelLine? { models.first { $0.label == label }?.line }

    mutating func update(_ label: String, _ change: (inout ModelLine) -> Void) {
        if let index = models.firstIndex(where: { $0.label == label }) {
            change(&models[index].line)
        } else {
            var line = ModelLine()
            change(&line)
            models.append((label, line))
        }
    }

    mutating func noteUnknownFields(_ label: String, _ fields: [String]) {
        guard !fields.isEmpty else { return }
        var known = unknownFields[label] ?? []
        for field in fields where !known.contains(field) { known.append(field) }
        unknownFields[label] = known
    }

    public var text: String {
        var lines: [String] = [dryRun ? "Dry run: everything was checked, nothing was written." : "Import committed."]
        let width = max(36, (models.map(\.label.count).max() ?? 0) + 2)
        lines.append("model".padding(toLength: width, withPad: " ", startingAt: 0)
            + "read".leftPadded(9) + "imported".leftPadded(10) + "skipped".leftPadded(9))
        for (label, line) in models {
            var text = label.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(line.read).leftPadded(9) + String(line.imported).leftPadded(10) + String(line.skipped).leftPadded(9)
            if let reason = line.reason { text += "  (\(reason))" }
            lines.append(text)
        }
        let totalRead = models.reduce(0) { $0 + $1.line.read }
        let totalImported = models.reduce(0) { $0 + $1.line.imported }
        lines.append("total: \(totalRead) read, \(totalImported) imported, \(totalRead - totalImported) skipped")
        for (label, fields) in unknownFields.sorted(by: { $0.key < $1.key }) {
            lines.append("unknown fields of \(label), not imported: \(fields.joined(separator: ", "))")
        }
        for (column, zero, missing) in clearedReferences where zero + missing > 0 {
            lines.append("\(column): set to null on \(zero + missing) row(s) (\(zero) were 0, \(missing) named a missing row)")
        }
        if let media {
            var text = "media: \(media.referenced) image path(s), \(media.missingCount) missing"
            if let copied = media.copied { text += ", \(copied) copied" }
            lines.append(text)
            lines += media.missing.map { "  missing file: \($0)" }
            if media.missingCount > media.missing.count { lines.append("  … and \(media.missingCount - media.missing.count) more") }
        }
        if warnings.isEmpty {
            lines.append("invariants: all hold")
        } else {
            for warning in warnings {
                lines.append("warning: \(warning.title): \(warning.count)")
                lines += warning.examples.map { "  \($0)" }
                if warning.count > warning.examples.count { lines.append("  … and \(warning.count - warning.examples.count) more") }
            }
        }
        lines.append(String(format: "time: %.1f s", seconds))
        return lines.joined(separator: "\n")
    }
}

/// A post-import invariant that does not hold for some rows (import.md §4): reported, not fatal.
public struct InvariantWarning: Sendable, Equatable {
    public let title: String
    public let count: Int
    public let examples: [String]
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
