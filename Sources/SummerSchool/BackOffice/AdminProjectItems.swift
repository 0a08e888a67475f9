import RegistrarCore

/// A project of the back office's project management (back office §C1/C2): the catalogue's project object P
/// (campus, dates, fees) plus `campus_name` and the applicant/payer figures (申请人数, 缴费人数).
struct AdminProjectItem: Encodable, Sendable {
    let id: Int
    let campus_name: String
    @Nullable var name: String?
    let applyed_num: Int
    let payed_num: Int
    let campus: CatalogCampus
    let start_date: String
    let end_date: String
    @Nullable var address: String?
    @Nullable var info: String?
    let create_time: String
    @Nullable var apply_fee: Money?
    let course_num: Int
    let project_course_fee: [CatalogCourseFee]

    init(_ project: CatalogProject, figures: ProjectFigures.Figures) {
        id = project.id
        campus_name = project.campus.name
        name = project.name
        applyed_num = figures.applyed
        payed_num = figures.payed
        campus = project.campus
        start_date = project.start_date
        end_date = project.end_date
        address = project.address
        info = project.info
        create_time = project.create_time
        apply_fee = project.apply_fee
        course_num = project.course_num
        project_course_fee = project.project_course_fee
    }
}
