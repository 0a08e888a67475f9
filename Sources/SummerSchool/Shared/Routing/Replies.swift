import HTTPTypes
import Hummingbird
import RegistrarCore

/// Success envelopes of the summer API (conventions §3): `{"code":0,"msg":"请求成功","data":…,"field_name":""}`.
public enum Reply {
    public static func ok<D: Encodable & Sendable>(_ data: D, msg: String = "请求成功") -> Envelope<D> {
        Envelope(code: 0, msg: msg, data: data, fieldName: "")
    }

    /// A handler that "returns a message": `data` `{}`.
    public static func message(_ msg: String) -> Envelope<EmptyObject> {
        Envelope(code: 0, msg: msg, data: EmptyObject(), fieldName: "")
    }

    /// Deletes: `data` `null`.
    public static func deleted(msg: String = "请求成功") -> Envelope<EmptyObject> {
        Envelope(code: 0, msg: msg, data: nil, fieldName: "")
    }
}

/// A response plus extra headers (e.g. `Set-Cookie`).
public struct WithHeaders<Base: ResponseGenerator>: ResponseGenerator {
    public var base: Base
    public var headers: HTTPFields

    public init(_ base: Base, headers: HTTPFields) {
        self.base = base
        self.headers = headers
    }

    public init(_ base: Base, setCookie: String) {
        self.init(base, headers: [.setCookie: setCookie])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try base.response(from: request, context: context)
        response.headers.append(contentsOf: headers)
        return response
    }
}
