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

  // Every event of the user's log, page by page.
  async events(user) {
    const all = [];
    for (;;) {
      const after = all.length ? all[all.length - 1].seq : 0;
      const page = await this.call("GET",
        `/users/${encodeURIComponent(user)}/events?after=${after}&limit=1000`);
      all.push(...page.events);
      if (page.events.length < 1000) return all;
    }
  }

  // What the dashboard shows of a user: summary, facts with history, events, forbidden
  // categories, and the audit entries about them.
  async view(user) {
    const [summary, facts, events, forbidden, audit] = await Promise.all([
      this.user(user), this.facts(user), this.events(user), this.forbidden(user), this.audit(user),
    ]);
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
