import RegistrarCore

extension ModelMappers {
    /// `order.*` and `operate_history.*`: carts, orders (their JSON-in-text lists become link rows), course
    /// selections, payment proofs and the order history.
    static let orders: [ModelMapper] = [
        ModelMapper(label: "order.shoppingchart", table: .shoppingChart) { f, context in
            try context.claim(f, in: .shoppingChart)
            return [ImportRow(.shoppingChart, f, [
                f.pk, try context.reference(&f, "project", .project, label: "project"),
                try context.reference(&f, "user", .user, label: "user"), try f.int("course_num"),
                try f.money("course_fee"), try f.dateTime("create_time"), try f.dateTime("modified_time"),
                try f.choice("status", .shoppingChartStatus),
                try context.reference(&f, "stu_score_detail", .scoreDetail, label: "mailing address"),
            ])]
        },
        ModelMapper(label: "order.order", table: .order, map: mapOrder),
        ModelMapper(label: "order.usercourse", table: .userCourse) { f, context in
            try context.claim(f, in: .userCourse)
            let confirmImage = try f.blankAsNull("confirm_img")
            let switchImage = try f.blankAsNull("switch_img")
            context.image(confirmImage, f, "confirm_img")
            context.image(switchImage, f, "switch_img")
            return [ImportRow(.userCourse, f, [
                f.pk, try context.reference(&f, "user", .user, label: "user"),
                try context.reference(&f, "course", .course, label: "course"),
                try context.reference(&f, "order", .order, label: "order"),
                try context.reference(&f, "project", .project, label: "project"), try f.dateTime("create_time"),
                try f.dateTime("modified_time"), try f.int("score"), try f.optionalString("score_grade"),
                try f.optionalDateTime("reporting_time"), confirmImage, try f.choice("status", .userCourseStatus),
                try f.optionalDateTime("post_datetime"), try f.optionalString("post_channel"),
                try f.optionalString("post_number"), try f.choice("credit_switch_status", .creditSwitchStatus), switchImage,
            ])]
        },
        ModelMapper(label: "order.orderpayment", table: .orderPayment) { f, context in
            try context.claim(f, in: .orderPayment)
            let image = try f.string("img")
            context.image(image, f, "img")
            return [ImportRow(.orderPayment, f, [
                f.pk, try context.reference(&f, "order", .order, label: "order"), try f.money("amount"),
                try f.string("account_number"), try f.string("account_name"), try f.optionalString("opening_bank"),
                try f.date("pay_date"), image, try f.dateTime("create_time"),
            ])]
        },
        ModelMapper(label: "operate_history.orderoperatehistory", table: .orderHistory) { f, context in
            try context.claim(f, in: .orderHistory)
            return [ImportRow(.orderHistory, f, [
                f.pk, try context.reference(&f, "operator", .user, label: "user"), try f.choice("key", .operateKey),
                try f.dateTime("create_time"), try f.string("remark"),
                try context.reference(&f, "source", .order, label: "order"),
            ])]
        },
    ]

    /// The original's admin confirmation wrote this value outside its own choices.
    static let renamedOrderStatuses = ["CONFIRMED_FAILED": "CONFIRM_FAILED"]

    /// An order row, one `summer_order_chart` row per cart id of `chart_ids`, one `summer_order_coupon` row per
    /// coupon id of `coupon_list`.
    @Sendable static func mapOrder(_ f: inout RecordFields, _ context: inout MapContext) throws -> [ImportRow] {
        try context.claim(f, in: .order)
        let userID = try context.reference(&f, "user", .user, label: "user")
        guard let chartIDs = ImportValues.idList(try f.string("chart_ids")) else {
            throw f.refuse("chart_ids", "malformed JSON list of cart ids")
        }
        guard Set(chartIDs).count == chartIDs.count else { throw f.refuse("chart_ids", "a cart id appears twice") }
        for id in chartIDs where !context.has(id, in: .shoppingChart) {
            throw f.refuse("chart_ids", "cart \(id) is not in the export (or comes after this row)")
        }
        var couponIDs: [Int] = []
        if let text = try f.optionalString("coupon_list"), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let ids = ImportValues.idList(text) else { throw f.refuse("coupon_list", "malformed JSON list of coupon ids") }
            // Coupons count once each (catalog-and-orders §7), so a repeated id adds nothing.
            for id in ids where !couponIDs.contains(id) {
                guard context.has(id, in: .coupon) else {
                    throw f.refuse("coupon_list", "coupon \(id) is not in the export (or comes after this row)")
                }
                couponIDs.append(id)
            }
        }
        var rows = [ImportRow(.order, f, [
            f.pk, userID, try f.choice("currency", .currency), try f.choice("payment", .orderPayment),
            try f.choice("status", .orderStatus, renamed: renamedOrderStatuses), try f.money("standard_fee"),
            try f.money("pay_fee"), try f.dateTime("create_time"), try f.dateTime("modified_time"),
            try f.optionalString("remark"),
        ])]
        rows += chartIDs.map { ImportRow(.orderChart, f, field: "chart_ids", [f.pk, $0]) }
        rows += couponIDs.map { ImportRow(.orderCoupon, f, field: "coupon_list", [f.pk, $0]) }
        return rows
    }
}
