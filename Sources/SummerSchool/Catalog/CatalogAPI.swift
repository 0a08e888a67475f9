import HTTPTypes
import RegistrarCore

/// Documentation pieces the catalogue's route modules share.
enum CatalogAPI {
    /// `?pagination=false` of the project and course lists.
    static let pagination = APIParameter(
        "pagination", Schema.string, "`false`（不区分大小写）时不分页，`data` 为数组；其他值照常分页。")

    /// The write methods a path declares only to refuse them (role check first, then 405).
    static func refusals(_ path: String, _ methods: [HTTPRequest.Method]) -> [APIOperation] {
        methods.map { method in
            APIOperation(method, path, "不支持的方法", notes: "先检查角色（非管理员答 403），管理员答 405。", errors: [405])
        }
    }
}
