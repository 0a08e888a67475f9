#!/usr/bin/env python3
"""Crash-safety driver (standard library only); run through run.sh.

Each round starts `registrar serve` on free ports, drives concurrent writes (tutoring student/add and
order/add with three lessons, summer order creation over two cart items), kills the server with SIGKILL at
a random moment, restarts it and checks that every acknowledged write is present, that no multi-row write
is half there, that SQLite's integrity check says ok, and that /healthz answers again.
"""
import argparse, json, os, random, re, signal, sqlite3, subprocess, sys, threading, time, urllib.request

STUDENTS_PER_ROUND = 60  # summer students prepared per round, each with two NEW cart items
LESSONS = 3              # lessons per tutoring order


class DB:
    """Direct database access for preparation and checks (sqlite3 module, or psql for PostgreSQL)."""

    def __init__(self, url):
        self.url = url
        self.sqlite = url[len("sqlite://"):] if url.startswith("sqlite://") else None

    def rows(self, query):
        if self.sqlite:
            with sqlite3.connect(self.sqlite, timeout=30) as conn:
                return [tuple(str(v) for v in row) for row in conn.execute(query).fetchall()]
        out = subprocess.run(["psql", self.url, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def script(self, statements):
        if self.sqlite:
            with sqlite3.connect(self.sqlite, timeout=30) as conn:
                conn.executescript("BEGIN;" + ";".join(statements) + ";COMMIT;")
        else:
            subprocess.run(["psql", self.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-c", ";".join(statements)],
                           check=True, capture_output=True, text=True)

    def integrity(self):
        return self.rows("PRAGMA integrity_check")[0][0] if self.sqlite else "n/a"


def prepare(db, rounds):
    """Summer students with a ticket and two NEW cart items (distinct projects) each; a tutoring student and teacher."""
    now = int(time.time() * 1_000_000)
    users = [f"('crash_{r}_{k}', NULL, NULL, 'STUDENT', TRUE, FALSE, {now})"
             for r in range(rounds) for k in range(STUDENTS_PER_ROUND)]
    crash = "u.username LIKE 'crash%'"
    db.script([
        "INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) VALUES " + ",".join(users),
        f"INSERT INTO summer_student_info (user_id, name, email, wechat, cschool, wcampus, create_time, phone, valid_sales_man) "
        f"SELECT u.id, '崩溃测试', '', '', '', '', {now}, '', FALSE FROM summer_user u WHERE {crash}",
        f"INSERT INTO summer_ticket (user_id, ticket, create_time, expired_time) "
        f"SELECT u.id, 'TK-crash' || u.id, {now}, {now + 86_400_000_000 * 2} FROM summer_user u WHERE {crash}",
        f"INSERT INTO summer_student_score_detail (user_id, department, phone, country, post_code, address) "
        f"SELECT u.id, '材料学院', '18608146540', '美国', '021878', '纽约市' FROM summer_user u WHERE {crash}",
        f"INSERT INTO summer_shopping_chart (project_id, user_id, course_num, course_fee, create_time, modified_time, status, "
        f"stu_score_detail_id) SELECT p.id, u.id, 1, 100000, {now}, {now}, 'NEW', d.id FROM summer_user u "
        f"JOIN summer_student_score_detail d ON d.user_id = u.id "
        f"CROSS JOIN (SELECT id FROM summer_project ORDER BY id LIMIT 2) p WHERE {crash}",
    ])
    students = {}
    for uid, name, charts in db.rows(
            f"SELECT u.id, u.username, (SELECT {concat(db)} FROM summer_shopping_chart c WHERE c.user_id = u.id) "
            f"FROM summer_user u WHERE {crash}"):
        r = int(name.split("_")[1])
        students.setdefault(r, []).append((int(uid), [int(c) for c in charts.split(",")]))
    tutoring_student = int(db.rows("SELECT MIN(id) FROM tutoring_student WHERE deleted_at IS NULL")[0][0])
    teacher = int(db.rows("SELECT MIN(id) FROM tutoring_teacher WHERE deleted_at IS NULL")[0][0])
    return students, tutoring_student, teacher


def concat(db):
    return "group_concat(c.id)" if db.sqlite else "string_agg(c.id::text, ',')"


class Server:
    def __init__(self, binary, database, log):
        self.binary, self.database, self.log = binary, database, log

    def start(self):
        self.logfile = open(self.log, "w")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--summer-port", "0", "--tutoring-port", "0",
             "--database", self.database], stdout=self.logfile, stderr=subprocess.STDOUT,
            env={**os.environ, "REGISTRAR_LOG_LEVEL": "notice"})
        ports, deadline = {}, time.time() + 60
        while len(ports) < 2:
            if time.time() > deadline or self.proc.poll() is not None:
                raise SystemExit(f"server did not start; see {self.log}")
            time.sleep(0.05)
            for name, port in re.findall(r"(\w+) API listening on http://[^:]+:(\d+)", open(self.log).read()):
                ports[name.lower()] = int(port)
        self.summer, self.tutoring = ports["summer"], ports["tutoring"]
        return self

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.logfile.close()


def call(port, method, path, body=None, headers=None, timeout=30):
    """One request to 127.0.0.1; returns the decoded envelope (raises on connection errors)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read() or b"{}")


class Round:
    """Writers of one round; each acknowledged write is recorded with what identifies it."""

    def __init__(self, r, server, token, students, tutoring_student, teacher):
        self.r, self.server, self.token = r, server, token
        self.students, self.tutoring_student, self.teacher = list(students), tutoring_student, teacher
        self.lock = threading.Lock()
        self.acked = {"student": [], "order": [], "summer": []}
        self.sent = 0
        self.errors = []

    def next_tag(self):
        with self.lock:
            self.sent += 1
            return f"crash-{self.r}-{self.sent}"

    def write(self):
        kind = random.choice(["student", "order", "summer"])
        tag = self.next_tag()
        auth = {"Authorization": f"Bearer {self.token}"}
        if kind == "summer":
            with self.lock:
                if not self.students:
                    kind = "student"
                else:
                    user, charts = self.students.pop()
        if kind == "student":
            reply = call(self.server.tutoring, "POST", "/admin/student/add", {
                "name": "崩溃", "phone": "13900000000", "school": tag, "grade": "初二", "state": 1}, auth)
            key = tag
        elif kind == "order":
            lessons = [{"teacherID": self.teacher, "subject": tag, "allClass": 10 + i, "classType": "一对一"}
                       for i in range(LESSONS)]
            reply = call(self.server.tutoring, "POST", "/admin/order/add", {
                "studentID": self.tutoring_student, "amount": 100, "payMethod": tag, "lesson": lessons}, auth)
            key = tag
        else:
            reply = call(self.server.summer, "POST", "/order/", {
                "chart_ids": charts, "currency": "RMB", "payment": "BANK", "remark": tag},
                {"Cookie": f"ticket=TK-crash{user}"})
            key = (reply.get("data") or {}).get("id")
        with self.lock:
            if reply.get("code") == 0:
                self.acked[kind].append(key)
            else:
                self.errors.append(f"{kind}: code {reply.get('code')} {reply.get('msg')}")

    def writer(self, stop):
        while not stop.is_set():
            try:
                self.write()
            except Exception:  # the server is gone (killed): this writer is done
                return


def login(port):
    reply = call(port, "POST", "/admin/user/login", {"name": "crashadmin", "password": "secret123"})
    if reply.get("code") != 0:
        raise SystemExit(f"tutoring login failed: {reply}")
    return reply["data"]["token"]


def check(db, rnd):
    """Violations after a restart: acknowledged writes missing, and half-written multi-row writes."""
    v = []
    found = 0
    schools = {row[0] for row in db.rows("SELECT school FROM tutoring_student WHERE school LIKE 'crash-%'")}
    orders = {row[0]: int(row[1]) for row in db.rows(
        "SELECT o.pay_method, (SELECT COUNT(*) FROM tutoring_lesson l WHERE l.order_id = o.id) "
        "FROM tutoring_orders o WHERE o.pay_method LIKE 'crash-%'")}
    summer = {int(row[0]): (int(row[1]), int(row[2]), row[3]) for row in db.rows(
        "SELECT o.id, (SELECT COUNT(*) FROM summer_order_chart c WHERE c.order_id = o.id), "
        "(SELECT COUNT(*) FROM summer_order_operate_history h WHERE h.source_id = o.id AND h.key = 'CREATE'), "
        "COALESCE(o.remark, '') FROM summer_order o")}
    for tag in rnd.acked["student"]:
        if tag in schools: found += 1
        else: v.append(f"acknowledged student {tag} missing")
    for tag in rnd.acked["order"]:
        if tag in orders: found += 1
        else: v.append(f"acknowledged tutoring order {tag} missing")
    for oid in rnd.acked["summer"]:
        if oid in summer: found += 1
        else: v.append(f"acknowledged summer order {oid} missing")
    # Atomicity over every row written so far, acknowledged or not.
    v += [f"tutoring order {tag} has {n} of {LESSONS} lessons" for tag, n in orders.items() if n != LESSONS]
    v += [f"summer order {oid} has {c} cart links and {h} CREATE history rows" for oid, (c, h, remark) in summer.items()
          if remark.startswith("crash-") and (c != 2 or h != 1)]
    orphans = db.rows("SELECT COUNT(*) FROM summer_shopping_chart s WHERE s.status = 'ORDERED' "
                      "AND NOT EXISTS (SELECT 1 FROM summer_order_chart c WHERE c.chart_id = s.id)")[0][0]
    if orphans != "0": v.append(f"{orphans} ORDERED cart items without an order")
    return found, v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--threads", type=int, default=6)
    ap.add_argument("--log", default="server.log")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    random.seed(args.seed)
    db = DB(args.database)
    students, tutoring_student, teacher = prepare(db, args.rounds)
    server = Server(args.bin, args.database, args.log).start()
    total = {"sent": 0, "acked": 0, "found": 0, "kills": 0, "violations": 0, "refused": 0}
    print(f"{'round':>5} {'sent':>5} {'acked':>6} {'found':>6} {'refused':>7} {'kills':>5} {'violations':>10}  integrity  healthz")
    for r in range(args.rounds):
        rnd = Round(r, server, login(server.tutoring), students.get(r, []), tutoring_student, teacher)
        stop = threading.Event()
        threads = [threading.Thread(target=rnd.writer, args=(stop,)) for _ in range(args.threads)]
        for t in threads: t.start()
        time.sleep(random.uniform(0.3, 2.5))
        server.kill()
        stop.set()
        for t in threads: t.join()
        integrity = db.integrity()  # the file as the killed process left it, before any restart
        server.start()
        healthz = all(call(p, "GET", "/healthz").get("status") == "ok" for p in (server.summer, server.tutoring))
        found, violations = check(db, rnd)
        if integrity not in ("ok", "n/a"): violations.append(f"integrity_check: {integrity}")
        if not healthz: violations.append("healthz did not answer ok after the restart")
        acked = sum(len(keys) for keys in rnd.acked.values())
        print(f"{r + 1:>5} {rnd.sent:>5} {acked:>6} {found:>6} {len(rnd.errors):>7} {1:>5} {len(violations):>10}  {integrity:>9}  "
              f"{'ok' if healthz else 'FAILED'}", flush=True)
        for line in violations[:20] + rnd.errors[:5]: print("      " + line)
        for key, value in (("sent", rnd.sent), ("acked", acked), ("found", found), ("kills", 1), ("violations", len(violations)),
                           ("refused", len(rnd.errors))):
            total[key] += value
    server.kill()
    print(f"total: writes sent {total['sent']} (the unacknowledged rest was in flight at a kill), acknowledged {total['acked']}, found {total['found']}, refused {total['refused']}, "
          f"kills {total['kills']}, violations {total['violations']}")
    sys.exit(1 if total["violations"] else 0)


if __name__ == "__main__":
    main()
