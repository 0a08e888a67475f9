import Foundation
import RegistrarCore

/// The proof images students upload for their course records (S24 `confirm_img`, S26 `switch_img`): a
/// multipart file part, or base64 text (a data URL header allowed) in a form, multipart or JSON field. JPEG,
/// PNG or GIF, checked from the content. Bodies up to 10 MiB, whatever their type (decision 35).
enum ProofImage {
    /// Base64 in JSON makes an image body too, so JSON and form bodies get the image limit here.
    static let bodyPolicy = BodyPolicy(
        textLimit: 10 << 20, multipartLimit: 10 << 20, acceptsMultipart: true, rejectsUnknownTypes: true)

    static let emptyFile = "提交的是空文件。"

    /// The body of an upload request (PUT: required fields enforced).
    static func reader(_ call: SummerCall) async throws -> FieldReader {
        FieldReader(try await RequestInput.body(call.request, policy: bodyPolicy), mode: .replace)
    }

    /// The image in `name`; nil when not sent (or sent empty), which the endpoint reports at object level.
    static func read(_ reader: FieldReader, _ name: String) throws -> Base64Image? {
        switch reader.input[name] {
        case nil, .json(.null): return nil
        // A browser form with no file chosen sends a part with an empty file name and no bytes.
        case .file(let filename, let bytes) where bytes.isEmpty && (filename ?? "").isEmpty: return nil
        case .file(_, let bytes):
            if bytes.isEmpty { throw AppError.field(name, emptyFile) }
            guard let type = Base64Image.detectType(bytes), Base64Image.looksIntact(bytes, type: type) else {
                throw AppError.field(name, ImageMessage.corrupt)
            }
            return Base64Image(bytes: bytes, fileExtension: type)
        case .text(let values): return try Base64Image.decode(values.last ?? "", field: name)
        case .json(.string(let text)): return try Base64Image.decode(text, field: name)
        case .json: throw AppError.field(name, ImageMessage.notBase64)
        }
    }

    /// Writes `image` under `folder` of the media root, runs `work` with its relative path, and removes the
    /// file again when `work` fails, so a refused upload leaves nothing behind.
    static func storing<T>(
        _ image: Base64Image, in folder: String, call: SummerCall, _ work: (String) async throws -> T
    ) async throws -> T {
        let store = MediaStore(root: call.settings.mediaRoot)
        let path = try await store.save(image, in: folder)
        do {
            return try await work(path)
        } catch {
            store.remove(path)
            throw error
        }
    }
}
