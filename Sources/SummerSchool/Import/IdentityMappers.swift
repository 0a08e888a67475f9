import RegistrarCore

extension ModelMappers {
    /// `authentication.*`: accounts (hashes kept as they are), profiles, remarks and mailing addresses.
    static let identity: [ModelMapper] = [
        ModelMapper(label: "authentication.user", table: .user) { f, context in
            try context.claim(f, in: .user)
            let username = try f.string("username")
            guard !username.isEmpty else { throw f.refuse("username", "empty") }
            return [ImportRow(.user, f, [
                f.pk, username, try f.optionalString("password"), try f.optionalString("name"),
                try f.choice("role", .role), try f.bool("is_active"), try f.bool("is_superuser"),
                try f.optionalDateTime("last_login"), try f.dateTime("create_time"), try f.optionalString("qr_code"),
            ])]
        },
        ModelMapper(label: "authentication.userinfo", table: .studentInfo) { f, context in
            try context.claim(f, in: .studentInfo)
            let userID = try context.reference(&f, "user", .user, label: "user")
            guard let wcampus = try ImportValues.campuses(try f.string("wcampus")) else {
                throw f.refuse("wcampus", "malformed JSON list")
            }
            let gender = try f.blankAsNull("gender")
            if let key = gender, !ChoiceSet.gender.contains(key) {
                throw f.refuse("gender", "\"\(key)\" is not one of MALE, FEMALE")
            }
            return [ImportRow(.studentInfo, f, [
                f.pk, userID, try f.string("name"), try f.string("email"), try f.string("wechat"), try f.string("cschool"),
                wcampus, try f.dateTime("create_time"), try f.optionalString("webid"), try f.blankAsNull("unionid"),
                try f.blankAsNull("openid"), try f.optionalString("headimgurl"), try f.optionalString("wx_name"),
                try f.optionalString("first_name"), try f.optionalString("last_name"), try f.string("phone"), gender,
                try f.blankAsNull("id_number"), try f.optionalString("major"), try f.optionalString("graduate_year"),
                try f.optionalTwoPlaces("gpa"), try f.bool("valid_sales_man"),
                // Soft references: 0 means none; ids of missing rows are cleared once every row is in.
                try context.softReference(&f, "channel_id"), try context.softReference(&f, "recommand_user_id"),
            ])]
        },
        ModelMapper(label: "authentication.userinforemark", table: .userInfoRemark) { f, context in
            try context.claim(f, in: .userInfoRemark)
            return [ImportRow(.userInfoRemark, f, [
                f.pk, try context.reference(&f, "user_info", .studentInfo, label: "student info"),
                try f.string("remark"), try f.dateTime("create_time"),
            ])]
        },
        ModelMapper(label: "authentication.studentscoredetail", table: .scoreDetail) { f, context in
            try context.claim(f, in: .scoreDetail)
            return [ImportRow(.scoreDetail, f, [
                f.pk, try context.reference(&f, "user", .user, label: "user"), try f.string("department"),
                try f.string("phone"), try f.string("country"), try f.string("post_code"), try f.string("address"),
            ])]
        },
    ]

    /// `common.salesman`, `common.salesmanuser`: consultants and their students.
    static let consultants: [ModelMapper] = [
        ModelMapper(label: "common.salesman", table: .salesMan) { f, context in
            try context.claim(f, in: .salesMan)
            let qrCode = try f.optionalString("qr_code") ?? ""
            context.image(qrCode, f, "qr_code")
            return [ImportRow(.salesMan, f, [
                f.pk, try f.string("name"), try f.string("wechat"), try f.string("email"), qrCode,
            ])]
        },
        ModelMapper(label: "common.salesmanuser", table: .salesManUser) { f, context in
            try context.claim(f, in: .salesManUser)
            return [ImportRow(.salesManUser, f, [
                f.pk, try context.reference(&f, "user", .user, label: "user"),
                try context.reference(&f, "sales_man", .salesMan, label: "consultant"),
                try f.choice("status", .salesManUserStatus), try f.dateTime("create_time"), try f.optionalString("remark"),
            ])]
        },
    ]
}
