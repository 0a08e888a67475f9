import Foundation
import RegistrarCore

/// A decoded base64 image field (conventions §13): JPEG, PNG or GIF, detected from the content.
public struct Base64Image: Sendable, Equatable {
    public var bytes: [UInt8]
    /// `jpg`, `png` or `gif`.
    public var fileExtension: String

    /// A fresh file name: the first 12 characters of a random UUID plus the extension (`92e531bf-37f.png`).
    public var randomFileName: String { String(UUID().uuidString.lowercased().prefix(12)) + "." + fileExtension }

    /// nil for the empty string ("no image"). Everything up to `;base64,` (a data-URL header) is dropped.
    static func decode(_ text: String, field: String) throws -> Base64Image? {
        if text.isEmpty { return nil }
        var payload = Substring(text)
        if let marker = payload.range(of: ";base64,") { payload = payload[marker.upperBound...] }
        guard let bytes = lenientBase64(payload) else { throw AppError.field(field, ImageMessage.undecodable) }
        guard let type = detectType(bytes) else { throw AppError.field(field, ImageMessage.unknownType) }
        guard looksIntact(bytes, type: type) else { throw AppError.field(field, ImageMessage.corrupt) }
        return Base64Image(bytes: bytes, fileExtension: type)
    }

    /// Python's non-strict `b64decode`: characters outside the alphabet are skipped, padding must add up.
    static func lenientBase64(_ text: Substring) -> [UInt8]? {
        var data = ""
        var padding = 0
        for character in text.unicodeScalars {
            if character == "=" { padding += 1; continue }
            if padding > 0 { continue }  // data after the padding ends the input
            if ("A"..."Z").contains(character) || ("a"..."z").contains(character) || ("0"..."9").contains(character)
                || character == "+" || character == "/" {
                data.unicodeScalars.append(character)
            }
        }
        let remainder = data.count % 4
        if remainder == 1 { return nil }
        if remainder != 0 && padding < 4 - remainder { return nil }
        let padded = data + String(repeating: "=", count: remainder == 0 ? 0 : 4 - remainder)
        return Data(base64Encoded: padded).map { Array($0) }
    }

    static func detectType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "gif" }
        if bytes.starts(with: [0xFF, 0xD8]) { return "jpg" }
        if bytes.count >= 10, [Array("JFIF".utf8), Array("Exif".utf8)].contains(Array(bytes[6..<10])) { return "jpg" }
        return nil
    }

    /// A light structural check standing in for the original's image verification.
    static func looksIntact(_ bytes: [UInt8], type: String) -> Bool {
        switch type {
        case "png": return bytes.count >= 33 && Array(bytes[12..<16]) == Array("IHDR".utf8)
        case "gif": return bytes.count >= 14
        default:
            guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return false }
            // a frame header (SOF0–SOF15 except DHT/JPG/DAC) must be present
            for index in 2..<(bytes.count - 1) where bytes[index] == 0xFF {
                let marker = bytes[index + 1]
                if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) { return true }
            }
            return false
        }
    }
}

/// Messages of base64 image fields (conventions §4.3; decision 32 gives the English ones in Chinese).
public enum ImageMessage {
    public static let noFile = "没有提交任何文件。"
    public static let undecodable = "请上传有效的图片。"
    public static let unknownType = "无法确定图片的类型。"
    public static let notBase64 = "这不是有效的 base64 字符串。"
    public static let corrupt = "请上传有效图片。您上传的该文件不是图片或者图片已经损坏。"
}

extension FieldReader {
    /// A base64 image (§13); `.value(nil)` for `""` (no image).
    public func base64Image(_ name: String, required: Bool = true) throws -> Field<Base64Image?> {
        switch input[name] {
        case nil:
            if required && !mode.isPartial { throw AppError.field(name, ImageMessage.noFile) }
            return .absent
        case .json(.null): throw AppError.field(name, FieldMessage.null)
        case .file: throw AppError.field(name, ImageMessage.notBase64)
        case .text(let values): return .value(try Base64Image.decode(values.last ?? "", field: name))
        case .json(.string(let text)): return .value(try Base64Image.decode(text, field: name))
        case .json(.array([])), .json(.object([:])): return .value(nil)
        case .json: throw AppError.field(name, ImageMessage.notBase64)
        }
    }
}
