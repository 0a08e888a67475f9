import Foundation

/// The image files the demo's payment proofs and course records point at (a 1×1 PNG each), so their URLs
/// resolve. Written under the media root only where missing; a failure is reported, not fatal.
enum SummerDemoImages {
    static let paths = ["order/order_payment/demo-proof.png", "course/confirm_img/demo-review.png", "project/result/photo/demo-result.png"]
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    static func write(mediaRoot: String) -> String {
        let files = FileManager.default
        do {
            for path in paths {
                let url = URL(fileURLWithPath: mediaRoot).appendingPathComponent(path)
                if files.fileExists(atPath: url.path) { continue }
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try png.write(to: url)
            }
            return "  demo images: under \(mediaRoot)"
        } catch {
            return "  demo images: not written under \(mediaRoot) (\(error)); their links will not resolve"
        }
    }
}
