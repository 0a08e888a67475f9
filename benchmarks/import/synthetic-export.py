#!/usr/bin/env python3
"""Writes a synthetic `manage.py dumpdata` export of the original platform to stdout, for timing
`registrar import-original`: N students, each with a profile, a mailing address, a cart, a confirmed order with
its coupon, a course selection, a payment proof and a history row (8 objects per student).

    python3 benchmarks/import/synthetic-export.py 100000 > /tmp/original-100k.json
"""
import json
import sys

students = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
staff = 3
out = sys.stdout
first = True


def emit(model, pk, fields):
    global first
    out.write(("[\n" if first else ",\n") + json.dumps({"model": model, "pk": pk, "fields": fields}))
    first = False


T = "2018-04-12T12:05:29.294Z"
for pk in range(1, staff + 1):
    emit("authentication.user", pk, {"name": "staff%d" % pk, "password": "pbkdf2_sha256$36000$salt$hash", "last_login": T,
                                     "username": "staff_%d" % pk, "create_time": T, "is_active": True,
                                     "is_superuser": pk == 1, "role": "ADMIN", "qr_code": None})
for i in range(1, students + 1):
    emit("authentication.user", staff + i, {"name": None, "password": "pbkdf2_sha256$36000$salt$hash", "last_login": T,
                                            "username": "oSynthetic%08d" % i, "create_time": T, "is_active": True,
                                            "is_superuser": False, "role": "STUDENT", "qr_code": None})
for i in range(1, students + 1):
    emit("authentication.userinfo", i, {"user": staff + i, "name": "\u5b66\u751f%d" % i, "email": "s%d@example.com" % i,
                                        "wechat": "wx%d" % i, "cschool": "School", "wcampus": "[\"1\"]", "create_time": T,
                                        "webid": None, "unionid": "u%d" % i, "openid": "oSynthetic%08d" % i,
                                        "headimgurl": None, "wx_name": None, "first_name": None, "last_name": None,
                                        "phone": "13900000000", "gender": "FEMALE", "id_number": "ID%d" % i, "major": None,
                                        "graduate_year": "2020", "gpa": 3.415, "valid_sales_man": False, "channel_id": 0,
                                        "recommand_user_id": 0})
for i in range(1, students + 1):
    emit("authentication.studentscoredetail", i, {"user": staff + i, "department": "Registrar", "phone": "1",
                                                  "country": "China", "post_code": "310000", "address": "Hangzhou"})
emit("source.campus", 1, {"name": "Campus", "info": "info", "network_course": False, "create_time": T, "is_active": True})
emit("source.project", 1, {"campus": 1, "name": "Project", "start_date": "2018-07-09", "end_date": "2018-08-03",
                           "address": None, "info": None, "create_time": T, "apply_fee": 299.9, "course_num": 1,
                           "is_active": True})
emit("source.projectcoursefee", 1, {"project": 1, "course_number": 1, "course_fee": 9800.0})
emit("source.course", 1, {"course_code": "LAW101", "name": "Law", "max_num": students, "credit": 3, "create_time": T,
                          "modified_time": T, "is_active": True})
emit("source.courseproject", 1, {"project": 1, "course": 1, "create_time": T, "modified_time": T, "professor": "P",
                                 "start_time": "2018-07-09", "end_time": "2018-08-03", "address": "Room"})
emit("coupon.coupon", 1, {"coupon_code": "T5M8Q2ZK7W", "amount": 0.1 + 0.2, "info": "i", "create_time": T,
                          "start_time": T, "end_time": T, "max_num": students, "is_active": True})
for i in range(1, students + 1):
    emit("coupon.usercoupon", i, {"user": staff + i, "coupon": 1, "status": "USED"})
for i in range(1, students + 1):
    emit("order.shoppingchart", i, {"project": 1, "user": staff + i, "course_num": 1, "course_fee": 9800.0,
                                    "create_time": T, "modified_time": T, "status": "ORDERED", "stu_score_detail": i})
for i in range(1, students + 1):
    emit("order.order", i, {"user": staff + i, "chart_ids": "[%d]" % i, "currency": "RMB", "payment": "ALI_PAY",
                            "status": "CONFIRMED", "standard_fee": 299.9 + 9800.0, "pay_fee": 299.9 + 9800.0 - (0.1 + 0.2),
                            "create_time": T, "modified_time": T, "remark": None, "coupon_list": "[1]"})
for i in range(1, students + 1):
    emit("order.usercourse", i, {"user": staff + i, "course": 1, "order": i, "project": 1, "create_time": T,
                                 "modified_time": T, "score": 0, "score_grade": None, "reporting_time": None,
                                 "confirm_img": "", "status": "TO_UPLOAD", "post_datetime": None, "post_channel": None,
                                 "post_number": None, "credit_switch_status": "PRE_POSTED", "switch_img": ""})
for i in range(1, students + 1):
    emit("order.orderpayment", i, {"order": i, "amount": 10099.6, "account_number": "1", "account_name": "n",
                                   "opening_bank": None, "pay_date": "2018-04-13", "img": "order/order_payment/%d.jpg" % i,
                                   "create_time": T})
for i in range(1, students + 1):
    emit("operate_history.orderoperatehistory", i, {"operator": 1, "key": "CREATE", "create_time": T,
                                                    "remark": "\u521b\u5efa\u4e86\u8ba2\u5355", "source": i})
out.write("\n]\n")
