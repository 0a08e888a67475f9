import RegistrarCore

/// Success envelopes of the tutoring API (§1.2): `msg` is always `成功`, no `field_name`.
public enum Success {
    /// `{"code":0,"msg":"成功"}`, for endpoints marked "data: none".
    public static func none() -> Envelope<EmptyObject> {
        Envelope(msg: "成功", data: nil, includesData: false)
    }

    /// `{"code":0,"msg":"成功","data":…}`; `extras` go beside `data` (lesson/list's page numbers).
    public static func data<T: Encodable & Sendable>(_ value: T, extras: [(String, Int)] = []) -> Envelope<T> {
        Envelope(msg: "成功", data: value, extras: extras)
    }
}
