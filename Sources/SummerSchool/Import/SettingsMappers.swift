import RegistrarCore

extension ModelMappers {
    /// `coupon.*`: coupons (amounts exact) and their assignments.
    static let coupons: [ModelMapper] = [
        ModelMapper(label: "coupon.coupon", table: .coupon) { f, context in
            try context.claim(f, in: .coupon)
            return [ImportRow(.coupon, f, [
                f.pk, try f.string("coupon_code"), try f.money("amount"), try f.string("info"),
                try f.dateTime("create_time"), try f.dateTime("start_time"), try f.dateTime("end_time"),
                try f.int("max_num"), try f.bool("is_active"),
            ])]
        },
        ModelMapper(label: "coupon.usercoupon", table: .userCoupon) { f, context in
            try context.claim(f, in: .userCoupon)
            return [ImportRow(.userCoupon, f, [
                f.pk, try context.reference(&f, "user", .user, label: "user"),
                try context.reference(&f, "coupon", .coupon, label: "coupon"), try f.choice("status", .couponStatus),
            ])]
        },
    ]

    /// `market.*` and `admin.paymentaccountinfo`: channels, the users they brought, receiving accounts.
    static let market: [ModelMapper] = [
        ModelMapper(label: "market.channel", table: .channel) { f, context in
            try context.claim(f, in: .channel)
            return [ImportRow(.channel, f, [
                f.pk, try f.string("name"), try f.date("plan_date"),
                try context.reference(&f, "sales_man", .salesMan, label: "consultant"), try f.int("plan_student_number"),
                try f.int("plan_file_student_number"), try f.int("plan_payed_student_number"),
                try f.dateTime("create_time"), try f.dateTime("modified_time"), try f.optionalString("qr_code"),
            ])]
        },
        ModelMapper(label: "market.userchannel", table: .userChannel) { f, context in
            try context.claim(f, in: .userChannel)
            return [ImportRow(.userChannel, f, [
                f.pk, try f.string("openid"), try context.reference(&f, "user", .user, label: "user"),
                try context.reference(&f, "channel", .channel, label: "channel"), try f.dateTime("create_time"),
                try f.dateTime("modified_time"),
            ])]
        },
        ModelMapper(label: "admin.paymentaccountinfo", table: .paymentAccount) { f, context in
            try context.claim(f, in: .paymentAccount)
            return [ImportRow(.paymentAccount, f, [
                f.pk, try f.string("account_number"), try f.string("account_name"), try f.optionalString("opening_bank"),
                try f.choice("payment", .accountPayment), try f.choice("currency", .currency),
                try f.optionalString("swift_code"), try f.dateTime("create_time"),
            ])]
        },
    ]
}
