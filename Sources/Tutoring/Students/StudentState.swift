/// Student `state` (§4.1): 0 is a paying student, 1–5 the stages of a lead.
public enum StudentState: Int, Codable, Sendable {
    /// 已缴费正式成为学员: set by order/confirm.
    case enrolled = 0
    case following = 1
    case booked = 2
    case matching = 3
    case awaitingTrial = 4
    case trialUnpaid = 5
}
