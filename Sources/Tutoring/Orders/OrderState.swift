/// Order `state` (§4.4). SQL text binds the raw value.
public enum OrderState: Int, Codable, Sendable {
    /// 已提交未被确认: lessons may be added, the order deleted or confirmed.
    case submitted = 1
    /// 已被财务确认: final.
    case confirmed = 2
    /// 订单被取消: not produced by this API; present only in imported data.
    case cancelled = 3
}
