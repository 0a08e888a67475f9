import Foundation
import Hummingbird
import RegistrarCore

/// The parameters of one tutoring request (§1.6), read as typed fields with the messages of §1.4.
///
/// Each reader returns `nil` when the field is absent (or `null`, or `""` for integers); for strings and
/// dates `""` is a supplied value. `presence` says whether absence (and emptiness) is an error.
/// Nested objects (order/add `lesson[i]`) get their own reader with a label and field-name prefix.
public struct TutoringInput: Sendable {
    public let values: [String: InputValue]
    /// Prepended to labels in messages (`第1个课程的`).
    public let labelPrefix: String
    /// Prepended to field names (`lesson[0].`).
    public let fieldPrefix: String

    public init(values: [String: InputValue], labelPrefix: String = "", fieldPrefix: String = "") {
        self.values = values
        self.labelPrefix = labelPrefix
        self.fieldPrefix = fieldPrefix
    }

    /// A reader over the members of a JSON object (an element of an array field).
    public init(object: [String: JSONValue], labelPrefix: String, fieldPrefix: String) {
        self.init(values: object.mapValues { .json($0) }, labelPrefix: labelPrefix, fieldPrefix: fieldPrefix)
    }

    /// The request's parameters by method: GET the query; DELETE the query over the body; POST/PUT the body.
    /// Call it after authentication and the role gate (§1.13: body errors come after 401/403).
    public static func read(_ request: Request) async throws -> TutoringInput {
        switch request.method {
        case .get, .head:
            return TutoringInput(values: RequestInput.query(request).values)
        case .delete:
            let body = try await RequestInput.body(request, policy: .tutoring)
            return TutoringInput(values: RequestInput.query(request).merging(body).values)
        default:
            return TutoringInput(values: try await RequestInput.body(request, policy: .tutoring).values)
        }
    }

    // MARK: - Raw values

    /// A field's value, with form/query repetitions reduced to the first occurrence; `nil` when absent or null.
    func raw(_ name: String) -> Raw? {
        switch values[name] {
        case nil: return nil
        case .json(.null): return nil
        case .json(let value): return .json(value)
        case .text(let list): return list.first.map { .text($0) }
        case .file: return .unusable
        }
    }

    enum Raw {
        case json(JSONValue)
        case text(String)
        /// A value of a kind no tutoring field accepts.
        case unusable
    }

    func field(_ name: String) -> String { fieldPrefix + name }

    func fail(_ name: String, _ msg: String) -> AppError {
        AppError(code: 400, msg: msg, fieldName: field(name))
    }

    func empty(_ name: String, _ label: String) -> AppError { fail(name, "\(labelPrefix)\(label)不能为空") }
    func malformed(_ name: String, _ label: String) -> AppError { fail(name, "\(labelPrefix)\(label)格式不正确") }
    func outOfRange(_ name: String, _ label: String) -> AppError { fail(name, "\(labelPrefix)\(label)超出允许范围") }
    func invalid(_ name: String, _ label: String) -> AppError { fail(name, "\(labelPrefix)\(label)取值无效") }
    func tooLong(_ name: String, _ label: String, _ max: Int) -> AppError {
        fail(name, "\(labelPrefix)\(label)长度不能超过\(max)个字符")
    }
}

/// Whether a field must be supplied.
public enum Presence: Sendable {
    /// Must be present and non-empty (add).
    case required
    /// May be absent; `""` is a value (clears an optional string or date).
    case optional
    /// May be absent, but if supplied may not be empty (update of a field required on add).
    case nonEmpty
}
