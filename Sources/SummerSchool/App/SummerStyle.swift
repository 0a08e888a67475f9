import RegistrarCore

extension APIStyle {
    /// Envelopes and body errors of the summer-school API (conventions §3–4, decisions 2, 3, 32, 35).
    public static let summer = APIStyle(
        name: "summer",
        errorsCarryData: true,
        notFound: AppError(code: 404, msg: "接口不存在", status: .notFound),
        inputError: { error in
            switch error {
            case .tooLarge:
                return AppError(code: 400, msg: "请求数据过大")
            case .malformedJSON:
                return AppError(code: 400, msg: "JSON 格式错误")
            case .notAnObject(let value):
                return AppError(
                    code: 400, msg: "无效数据。期待为字典类型，得到的是 \(value.pythonTypeName) 。", fieldName: "non_field_errors")
            case .unsupportedMediaType(let type):
                return AppError(code: 415, msg: "不支持请求中的媒体类型 “\(type)”。")
            case .malformedMultipart:
                return AppError(code: 400, msg: "多部分表单解析错误")
            }
        })
}

extension BodyPolicy {
    /// JSON and form bodies up to 1 MiB, multipart up to 10 MiB; other content types get 415 (decision 35).
    public static let summer = BodyPolicy(
        textLimit: 1 << 20, multipartLimit: 10 << 20, acceptsMultipart: true, rejectsUnknownTypes: true)
}
