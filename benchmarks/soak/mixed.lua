-- Mixed load for one API (wrk -s mixed.lua <url> -- API TOKEN [STUDENT_TICKET DETAIL_ID]): weighted reads and a
-- few writes; counts server errors (HTTP 5xx or envelope code 500) and refusals (another non-zero code).
local threads = {}
function setup(thread) table.insert(threads, thread) end

local mix
function init(args)
    errors, refused = 0, 0
    local api, token, student, detail = args[1], args[2], args[3], args[4]
    if api == "tutoring" then
        local h = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
        mix = {
            { 30, function() return wrk.format("GET", "/admin/student/list?page=1", h) end },
            { 15, function() return wrk.format("GET", "/admin/student/list?page=" .. math.random(1, 30), h) end },
            { 20, function() return wrk.format("GET", "/admin/order/list?page=1", h) end },
            { 20, function() return wrk.format("GET", "/admin/order/info?orderID=" .. math.random(1, 120), h) end },
            { 10, function() return wrk.format("GET", "/admin/teacher/list?page=1", h) end },
            { 5, function()
                return wrk.format("POST", "/admin/student/add", h, string.format(
                    '{"name":"压测","phone":"13900000000","school":"s%d","grade":"初二","state":1}', math.random(1, 1e9)))
            end },
        }
    else
        local admin = { ["Cookie"] = "ticket=" .. token }
        local own = { ["Cookie"] = "ticket=" .. student, ["Content-Type"] = "application/json" }
        mix = {
            { 30, function() return wrk.format("GET", "/source/project/", admin) end },
            { 20, function() return wrk.format("GET", "/source/course/", admin) end },
            { 15, function() return wrk.format("GET", "/common/global_enums/", admin) end },
            { 15, function() return wrk.format("GET", "/order/?page=1", admin) end },
            { 15, function() return wrk.format("GET", "/order/shopping_chart/", own) end },
            { 5, function()
                return wrk.format("POST", "/order/shopping_chart/", own, string.format(
                    '{"project":%d,"course_num":1,"stu_score_detail":%s}', math.random(1, 6), detail))
            end },
        }
    end
    total = 0
    for _, m in ipairs(mix) do total = total + m[1] end
end

function request()
    local pick = math.random(1, total)
    for _, m in ipairs(mix) do
        pick = pick - m[1]
        if pick <= 0 then return m[2]() end
    end
end

function response(status, headers, body)
    if status >= 500 or body:find('"code":500', 1, true) then
        errors = errors + 1
    elseif status >= 400 or not body:find('"code":0', 1, true) then
        refused = refused + 1
    end
end

function done(summary, latency, requests)
    local e, r = 0, 0
    for _, t in ipairs(threads) do e = e + t:get("errors"); r = r + t:get("refused") end
    local s = summary.errors
    io.write(string.format("RESULT %d %d %d %d %d %.1f %.1f\n", summary.requests, e, r, s.timeout,
        s.connect + s.read + s.write, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
