/// The writable fields of a campus, validated in the contract's order (catalog spec S2).
struct CampusFields: Sendable {
    var name: Field<String>
    var info: Field<String>
    var networkCourse: Field<Bool>

    init(_ reader: FieldReader) throws {
        name = try reader.string("name", max: 30)
        info = try reader.string("info", max: 100)
        networkCourse = try reader.bool("network_course")
    }
}
