import RegistrarCore

extension MediaRoutes {
    var operations: [APIOperation] {
        [
            .get(
                "/media/{path}", "上传的文件（图片、凭证）",
                notes: "`path` 为媒体目录下的相对路径，可含 `/`（如 `confirm_img/2024/a.png`）；内容类型按扩展名，附 `X-Content-Type-Options: nosniff`。",
                raw: [
                    APIResponse(status: 200, "文件内容", content: [("*/*", Schema.string.format("binary"))]),
                    APIResponse(status: 404, "文件不存在：接口不存在", content: [("application/json", SummerSchemas.error([404]))]),
                ],
                pathSchemas: ["path": .string]),
        ]
    }
}
