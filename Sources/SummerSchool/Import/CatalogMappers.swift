extension ModelMappers {
    /// `source.*`: campuses, projects with their fee tables, courses and course offerings.
    static let catalog: [ModelMapper] = [
        ModelMapper(label: "source.campus", table: .campus) { f, context in
            try context.claim(f, in: .campus)
            return [ImportRow(.campus, f, [
                f.pk, try f.string("name"), try f.string("info"), try f.bool("network_course"),
                try f.dateTime("create_time"), try f.bool("is_active"),
            ])]
        },
        ModelMapper(label: "source.project", table: .project) { f, context in
            try context.claim(f, in: .project)
            return [ImportRow(.project, f, [
                f.pk, try context.reference(&f, "campus", .campus, label: "campus"), try f.optionalString("name"),
                try f.date("start_date"), try f.date("end_date"), try f.optionalString("address"),
                try f.optionalString("info"), try f.dateTime("create_time"), try f.optionalMoney("apply_fee"),
                try f.int("course_num"), try f.bool("is_active"),
            ])]
        },
        ModelMapper(label: "source.projectcoursefee", table: .projectCourseFee) { f, context in
            try context.claim(f, in: .projectCourseFee)
            return [ImportRow(.projectCourseFee, f, [
                f.pk, try context.reference(&f, "project", .project, label: "project"), try f.int("course_number"),
                try f.money("course_fee"),
            ])]
        },
        ModelMapper(label: "source.course", table: .course) { f, context in
            try context.claim(f, in: .course)
            return [ImportRow(.course, f, [
                f.pk, try f.string("course_code"), try f.string("name"), try f.int("max_num"), try f.int("credit"),
                try f.dateTime("create_time"), try f.dateTime("modified_time"), try f.bool("is_active"),
            ])]
        },
        ModelMapper(label: "source.courseproject", table: .courseProject) { f, context in
            try context.claim(f, in: .courseProject)
            return [ImportRow(.courseProject, f, [
                f.pk, try context.reference(&f, "project", .project, label: "project"),
                try context.reference(&f, "course", .course, label: "course"), try f.dateTime("create_time"),
                try f.dateTime("modified_time"), try f.string("professor"), try f.date("start_time"),
                try f.date("end_time"), try f.string("address"),
            ])]
        },
    ]
}
