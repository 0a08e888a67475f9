import Crypto
import Foundation

/// Random identifiers from the system's cryptographically secure generator.
public enum SecureToken {
    public static let alphanumerics = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// `count` characters drawn uniformly from `alphabet` (repetition allowed).
    public static func string(count: Int, alphabet: [Character] = alphanumerics) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// `bytes` random bytes as lowercase hex.
    public static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var random: [UInt8] = []
        random.reserveCapacity(bytes + 7)
        // Eight bytes per draw: one call into the system generator, not one per byte.
        while random.count < bytes { withUnsafeBytes(of: generator.next()) { random.append(contentsOf: $0) } }
        return lowercaseHex(random.prefix(bytes))
    }

    /// SHA-256 of `text` as lowercase hex: what is stored for a token, never the token itself.
    public static func sha256Hex(_ text: String) -> String {
        lowercaseHex(SHA256.hash(data: Data(text.utf8)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Two lowercase hex digits per byte (runs on every request: no `String(format:)`).
    static func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
