/// Lesson `state` (§4.5). A lesson whose consumed classes reach its total is `finished`.
public enum LessonState: Int, Codable, Sendable {
    /// 正常上课
    case running = 1
    /// 停课状态
    case suspended = 2
    /// 已经结课
    case finished = 3
}
