/// Date arithmetic for generated rows, independent of the local calendar and time zone.
enum DemoCalendar {
    static let day = 86_400

    /// `YYYY-MM-DD` of a UNIX time (UTC), by the civil-from-days algorithm.
    static func date(_ time: Int) -> String {
        let days = time >= 0 ? time / day : (time - day + 1) / day
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dayOfMonth = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    }
}
