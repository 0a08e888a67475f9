import HTTPTypes
import RegistrarCore

extension RouteMethods {
    /// Answers every write method not declared on this path with 405, but only after an `access` check: on
    /// `/source/project/...` the role check runs before the method check (catalog spec §1), so a student's
    /// DELETE is refused with 403 while an admin's gets 405.
    mutating func refuseUndeclaredWrites(access: Access) {
        for method: HTTPRequest.Method in [.post, .put, .patch, .delete] where handlers[method] == nil {
            on(method, access: access) { call -> Envelope<EmptyObject> in
                throw AppError.methodNotAllowed(call.request.method.rawValue.uppercased())
            }
        }
    }
}

extension SummerCall {
    /// `pagination=false` (any case) asks a catalogue list for a plain array (S6, S12).
    var wantsPlainList: Bool {
        guard case .text(let values)? = query()["pagination"], let value = values.last else { return false }
        return value.lowercased() == "false"
    }
}
