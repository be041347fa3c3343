-- wrk script for context requests: POST /v1/users/{user}/context, round robin over users and
-- queries the way `rapport bench http`'s own client does (request i: user i mod U, query i mod Q).
-- Set by scripts/bench-http-wrk from `rapport bench http --serve`'s output:
--   RAPPORT_KEY      a tenant API key
--   RAPPORT_USERS    users, comma-separated
--   RAPPORT_QUERIES  queries, separated by |
local function split(text, sep)
  local parts = {}
  for part in string.gmatch(text, "([^" .. sep .. "]+)") do
    parts[#parts + 1] = part
  end
  return parts
end

local function json_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local requests = {}
local next_request = 0

function init(args)
  local users = split(os.getenv("RAPPORT_USERS"), ",")
  local queries = split(os.getenv("RAPPORT_QUERIES"), "|")
  local headers = {
    ["Authorization"] = "Bearer " .. os.getenv("RAPPORT_KEY"),
    ["Content-Type"] = "application/json",
  }
  -- The sequence repeats after lcm(U, Q) requests; U * Q is a multiple of it.
  for i = 0, #users * #queries - 1 do
    local user = users[i % #users + 1]
    local query = queries[i % #queries + 1]
    requests[#requests + 1] = wrk.format("POST", "/v1/users/" .. user .. "/context", headers,
      '{"query":' .. json_string(query) .. '}')
  end
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

local failed = 0

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
    if failed == 1 then
      io.stderr:write("non-200 response: " .. status .. " " .. body .. "\n")
    end
  end
end
