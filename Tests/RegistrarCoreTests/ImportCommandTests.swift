import ArgumentParser
import XCTest

@testable import registrar

final class ImportCommandTests: XCTestCase {
    func testImportOriginalParses() throws {
        let command = try XCTUnwrap(try Registrar.parseAsRoot(
            ["import-original", "-", "--database", "sqlite://x.sqlite", "--dry-run", "--media-from", "/srv/media"]) as? ImportOriginal)
        XCTAssertEqual(command.file, "-")
        XCTAssertTrue(command.dryRun)
        XCTAssertEqual(command.mediaFrom, "/srv/media")
        XCTAssertEqual(try command.database.resolved(environment: [:]), .sqliteFile(path: "x.sqlite"))

        let plain = try XCTUnwrap(try Registrar.parseAsRoot(["import-original", "original.json"]) as? ImportOriginal)
        XCTAssertFalse(plain.dryRun)
        XCTAssertNil(plain.mediaFrom)
        XCTAssertThrowsError(try Registrar.parseAsRoot(["import-original"]))
    }
}
