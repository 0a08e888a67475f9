/// The one check every API applies where a password is set (create-admin, account creation, resets,
/// changes): a length in code points as the API's contract says, no U+0000, and at most 72 UTF-8 bytes,
/// since bcrypt ignores whatever follows the 72nd byte. Each API words the violations in its own way.
public enum PasswordRule {
    public static let maxBytes = 72
    /// The byte limit's message, shared by both APIs.
    public static let tooManyBytesMessage = "密码不能超过72个字节"

    public enum Violation: Error, Sendable, Equatable {
        case tooShort(min: Int)
        case tooLong(max: Int)
        case nullCharacter
        case tooManyBytes
    }

    /// The first violation of `password` (checked in this order: length, NUL, bytes), or nil.
    public static func violation(of password: String, length: ClosedRange<Int>) -> Violation? {
        let count = password.unicodeScalars.count
        if count < length.lowerBound { return .tooShort(min: length.lowerBound) }
        if count > length.upperBound { return .tooLong(max: length.upperBound) }
        if password.unicodeScalars.contains("\u{0}") { return .nullCharacter }
        if password.utf8.count > maxBytes { return .tooManyBytes }
        return nil
    }
}
