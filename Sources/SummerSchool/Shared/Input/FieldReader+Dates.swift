import Foundation
import RegistrarCore

/// Instants and calendar dates.
extension FieldReader {
    /// An instant (§10.2; naive = Asia/Shanghai), as microseconds since the epoch.
    public func dateTime(_ name: String, required: Bool = true, nullable: Bool = false) throws -> Field<Int64> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<Int64> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        switch raw {
        case .text(let text), .json(.string(let text)):
            guard let micros = SummerTime.parseDateTime(text) else { throw AppError.field(name, FieldMessage.dateTime) }
            return .value(micros)
        default: throw AppError.field(name, FieldMessage.dateTime)
        }
    }

    /// A calendar date, normalised to `YYYY-MM-DD`.
    public func date(_ name: String, required: Bool = true, nullable: Bool = false) throws -> Field<String> {
        let raw = raw(name, nullable: nullable, required: required)
        if let settled: Field<String> = try presence(name, raw, required: required, nullable: nullable) { return settled }
        switch raw {
        case .text(let text), .json(.string(let text)):
            guard let date = SummerTime.parseDate(text) else { throw AppError.field(name, FieldMessage.date) }
            return .value(date)
        default: throw AppError.field(name, FieldMessage.date)
        }
    }
}
