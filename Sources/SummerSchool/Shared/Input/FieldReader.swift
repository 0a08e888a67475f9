import Foundation
import RegistrarCore

/// How a write treats absent fields: create (POST) and replace (PUT) enforce required fields, patch doesn't.
public enum WriteMode: Sendable, Equatable {
    case create, replace, patch

    public var isPartial: Bool { self == .patch }
}

/// A validated input field: absent (left untouched), explicitly null, or a value.
public enum Field<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)

    public var isPresent: Bool { if case .absent = self { return false } else { return true } }

    /// The value; nil when absent or null.
    public var value: Value? { if case .value(let v) = self { return v } else { return nil } }

    /// The same field with its value converted (e.g. a list to the text it is stored as).
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> Field<T> {
        switch self {
        case .absent: return .absent
        case .null: return .null
        case .value(let v): return .value(try transform(v))
        }
    }
}

/// Reads and validates named inputs with Django REST Framework semantics and the exact messages of
/// conventions §4.3 (decisions 3/32). Call the readers in the endpoint's field order: the first failing
/// field throws, so it is the one reported (§4.2).
///
/// Form and multipart bodies follow the quirks of §11: the last value of a repeated key; on create/PUT an
/// omitted boolean is false and an omitted list is empty; `""` means null for nullable fields and
/// "absent" for optional ones. A required field sent as `""` is validated even on PATCH (DRF's
/// `required` does not depend on the write mode), so `name=` gets `该字段不能为空。`.
public struct FieldReader: Sendable {
    public let input: RequestInput
    public let mode: WriteMode

    public init(_ input: RequestInput, mode: WriteMode) {
        self.input = input
        self.mode = mode
    }

    var isForm: Bool { input.source == .form || input.source == .multipart || input.source == .query }

    /// What the client sent for `name`, before type conversion.
    enum Raw {
        case absent, null
        case json(JSONValue)
        case text(String)
        case file
    }

    func raw(_ name: String, nullable: Bool, required: Bool, allowBlank: Bool = false) -> Raw {
        switch input[name] {
        case nil: return .absent
        case .json(.null): return .null
        case .json(let value): return .json(value)
        case .file: return .file
        case .text(let values):
            let text = values.last ?? ""
            if text.isEmpty, !allowBlank {
                if nullable { return .null }
                if !required { return .absent }
            }
            return .text(text)
        }
    }

    /// Required/null handling shared by every reader; nil means "the caller has a value to convert".
    func presence<T>(_ name: String, _ raw: Raw, required: Bool, nullable: Bool) throws -> Field<T>? {
        switch raw {
        case .absent:
            if required && !mode.isPartial { throw AppError.field(name, FieldMessage.required) }
            return .absent
        case .null:
            if !nullable { throw AppError.field(name, FieldMessage.null) }
            return .null
        default:
            return nil
        }
    }

    // MARK: Rendering inputs in messages

    /// Python's `str()` of a float: `2.0`, `1.5`, `1e+20`.
    static func pythonText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e16 { return String(format: "%.1f", value) }
        return String(value)
    }

    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let v): return v ? "True" : "False"
        case .int(let v): return String(v)
        case .double(let v): return pythonText(v)
        case .string(let v): return v
        case .array, .object:
            return (try? JSONBody.encode(value)).map { String(buffer: $0) } ?? ""
        }
    }
}
