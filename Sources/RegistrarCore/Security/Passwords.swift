import Crypto
import _CryptoExtras
import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Password hashing: bcrypt for every new hash; Django's `pbkdf2_sha256$…` hashes (imported data) are
/// verified so their owners can log in and be rehashed.
///
/// Hashing is deliberately slow, so it runs on a thread pool of its own, never on an event loop nor on the
/// pool SQLite statements run on (a login verifies inside a transaction while other requests wait for the
/// database on that pool).
public struct Passwords: Sendable {
    public let cost: UInt8

    public init(cost: UInt8 = 10) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await Self.threadPool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `stored`; a missing or unrecognised hash never matches.
    ///
    /// A missing hash (unknown user) still costs one bcrypt verification, so response times do not tell
    /// which names exist.
    public func verify(_ password: String, against stored: String?) async throws -> Bool {
        try await Self.threadPool.runIfActive {
            guard let stored, !stored.isEmpty else {
                _ = Bcrypt.verify(password, hash: Passwords.decoyHash)
                return false
            }
            return Passwords.verifySync(password, against: stored)
        }
    }

    static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(System.coreCount, 2))
        pool.start()
        return pool
    }()

    /// A hash nobody's password matches, computed once, for equal-time refusals.
    static let decoyHash = Bcrypt.hash(SecureToken.hex(bytes: 16), cost: 10)

    /// True for hashes that should be replaced by a bcrypt hash after a successful login.
    public static func needsRehash(_ stored: String) -> Bool { stored.hasPrefix("pbkdf2_sha256$") }

    static func verifySync(_ password: String, against stored: String) -> Bool {
        if stored.hasPrefix("$2") { return Bcrypt.verify(password, hash: stored) }
        if stored.hasPrefix("pbkdf2_sha256$") { return verifyDjango(password, stored) }
        return false
    }

    /// `pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte key>`, compared in constant time.
    static func verifyDjango(_ password: String, _ stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, let rounds = Int(parts[1]), rounds > 0,
              let expected = Data(base64Encoded: String(parts[3])), expected.count == 32,
              let key = try? KDF.Insecure.PBKDF2.deriveKey(
                  from: Array(password.utf8), salt: Array(parts[2].utf8), using: .sha256,
                  outputByteCount: 32, unsafeUncheckedRounds: rounds)
        else { return false }
        let derived = key.withUnsafeBytes { Data($0) }
        var difference: UInt8 = 0
        for (a, b) in zip(derived, expected) { difference |= a ^ b }
        return difference == 0
    }

    /// A Django-format hash, for tests and imports (never used for new passwords).
    public static func djangoHash(_ password: String, salt: String, rounds: Int = 36000) -> String {
        let key = try! KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: Array(salt.utf8), using: .sha256, outputByteCount: 32,
            unsafeUncheckedRounds: rounds)
        return "pbkdf2_sha256$\(rounds)$\(salt)$\(key.withUnsafeBytes { Data($0) }.base64EncodedString())"
    }
}
