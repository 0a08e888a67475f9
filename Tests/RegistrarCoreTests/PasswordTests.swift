import RegistrarCore
import XCTest

final class PasswordTests: XCTestCase {
    func testBcryptRoundTrip() async throws {
        let passwords = Passwords(cost: 4)
        let hash = try await passwords.hash("secret123")
        XCTAssertTrue(hash.hasPrefix("$2"))
        let matches = try await passwords.verify("secret123", against: hash)
        let wrong = try await passwords.verify("secret124", against: hash)
        XCTAssertTrue(matches)
        XCTAssertFalse(wrong)
    }

    func testDjangoHashesVerify() async throws {
        // A hash in the format the original platform stored (PBKDF2-HMAC-SHA256, 36000 rounds).
        let stored = Passwords.djangoHash("123456", salt: "abcDEF123456")
        XCTAssertTrue(stored.hasPrefix("pbkdf2_sha256$36000$abcDEF123456$"))
        let ok = try await Passwords().verify("123456", against: stored)
        let bad = try await Passwords().verify("1234567", against: stored)
        XCTAssertTrue(ok)
        XCTAssertFalse(bad)
        XCTAssertTrue(Passwords.needsRehash(stored))
    }

    func testKnownDjangoVector() async throws {
        // Computed independently (Python hashlib.pbkdf2_hmac) — proves the format, not just a round trip.
        let stored = "pbkdf2_sha256$36000$seasalt$mEUPPFJkT/xtwDU8rB7Q+puHRZnR07WRjerTkt/3HI0="
        let ok = try await Passwords().verify("lètmein", against: stored)
        let bad = try await Passwords().verify("letmein", against: stored)
        XCTAssertTrue(ok)
        XCTAssertFalse(bad)
    }

    func testMissingOrUnknownHashesNeverMatch() async throws {
        for stored in [nil, "", "plain", "md5$x$y", "pbkdf2_sha256$x$y$z"] as [String?] {
            let matched = try await Passwords().verify("plain", against: stored)
            XCTAssertFalse(matched, "\(stored ?? "nil")")
        }
    }

    func testTokens() {
        let token = SecureToken.string(count: 20)
        XCTAssertEqual(token.count, 20)
        XCTAssertTrue(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        XCTAssertNotEqual(SecureToken.string(count: 20), token)
        XCTAssertEqual(SecureToken.hex(bytes: 32).count, 64)
        XCTAssertEqual(SecureToken.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
