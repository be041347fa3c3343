// The REST API under /v1, called with the bearer key the user signed in with.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class Api {
  constructor(key) {
    this.key = key;
  }

  // Calls `method path` with an optional JSON body; resolves to the parsed body (null if
  // empty), rejects with an ApiError carrying the error envelope's code and message.
  async call(method, path, body) {
    const init = { method, headers: { Authorization: `Bearer ${this.key}` } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`/v1${path}`, init);
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = (parsed && parsed.error) || {};
      throw new ApiError(response.status, error.code || "http", error.message || response.statusText);
    }
    return parsed;
  }

  me() { return this.call("GET", "/me"); }
  users() { return this.call("GET", "/users"); }
  user(user) { return this.call("GET", `/users/${encodeURIComponent(user)}`); }
  facts(user) { return this.call("GET", `/users/${encodeURIComponent(user)}/facts?history=true`); }
  forbidden(user) { return this.call("GET", `/users/${encodeURIComponent(user)}/forbidden`); }
  audit(user) { return this.call("GET", `/audit?user=${encodeURIComponent(user)}&limit=50`); }
  // The export is audited as one: only for the Export button, never to show the profile.
  export(user) { return this.call("GET", `/users/${encodeURIComponent(user)}/export`); }

  // The events the facts cite (their evidence, and what ended them), looked up by id, a
  // thousand at a time: never the whole log.
  async cited(user, facts) {
    const ids = [...new Set(facts.flatMap((f) => f.ended_by ? [...f.evidence, f.ended_by] : f.evidence))];
    const found = [];
    for (let start = 0; start < ids.length; start += 1000) {
      const page = await this.call("POST", `/users/${encodeURIComponent(user)}/events/lookup`,
        { ids: ids.slice(start, start + 1000) });
      found.push(...page.events);
    }
    return found;
  }

  // What the dashboard shows of a user: summary, facts with history, the events they cite,
  // forbidden categories, and the audit entries about them.
  async view(user) {
    const [summary, facts, forbidden, audit] = await Promise.all([
      this.user(user), this.facts(user), this.forbidden(user), this.audit(user),
    ]);
    const events = await this.cited(user, facts.facts);
    return { summary, facts: facts.facts, events, forbidden: forbidden.forbidden, audit: audit.entries };
  }
  forget(user) { return this.call("DELETE", `/users/${encodeURIComponent(user)}`); }
  forbid(user, category) {
    return this.call("POST", `/users/${encodeURIComponent(user)}/forbidden`, { category });
  }
  changeFact(user, id, change) {
    return this.call("PATCH", `/users/${encodeURIComponent(user)}/facts/${id}`, change);
  }
  deleteFact(user, id) {
    return this.call("DELETE", `/users/${encodeURIComponent(user)}/facts/${id}`);
  }
}
