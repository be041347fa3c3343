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
  export(user) { return this.call("GET", `/users/${encodeURIComponent(user)}/export`); }
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
