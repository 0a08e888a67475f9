import RegistrarCore

extension APIStyle {
    /// Envelopes and body errors of the tutoring API (tutoring.md §1.1–1.4): errors carry no `data`.
    public static let tutoring = APIStyle(
        name: "tutoring",
        errorsCarryData: false,
        notFound: AppError(code: 404, msg: "接口不存在", status: .notFound),
        inputError: { _ in AppError(code: 400, msg: "请求数据格式错误") })
}

extension BodyPolicy {
    /// Bodies up to 1 MiB; form-urlencoded is read as a form, anything else as JSON (§1.6).
    public static let tutoring = BodyPolicy(
        textLimit: 1 << 20, multipartLimit: 1 << 20, acceptsMultipart: false, rejectsUnknownTypes: false)
}
