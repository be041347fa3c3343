// The dashboard: sign in with a key, pick a user (tenant keys) or open one's own profile
// (user keys), act on facts. Everything goes through the REST API under /v1.

import { Api } from "./api.js";
import { el } from "./dom.js";
import { FACETS, SENSITIVE, renderActivity, renderProfile } from "./profile.js";

const $ = (id) => document.getElementById(id);
const KEY = "rapport.key";
let api = null;
let me = null;
let user = null;
let statusSeq = 0;

function status(message, kind = "ok") {
  const line = $("status");
  line.textContent = message;
  line.dataset.kind = kind;
  line.dataset.seq = String(++statusSeq);
}

// Runs an API call; on failure shows the error envelope's message (a 401 signs out).
async function attempt(work) {
  try {
    return await work();
  } catch (error) {
    status(error.code ? `${error.message} (${error.code})` : String(error), "error");
    if (error.status === 401) signOut(false);
    return undefined;
  }
}

async function signIn(key) {
  api = new Api(key);
  const who = await attempt(() => api.me());
  if (!who) return;
  me = who;
  sessionStorage.setItem(KEY, key);
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  $("who").textContent = me.user ? `${me.user} (${me.tenant})` : `tenant ${me.tenant}`;
  if (me.user) await openUser(me.user);
  else await listUsers();
}

function signOut(clearStatus = true) {
  sessionStorage.removeItem(KEY);
  api = me = user = null;
  $("sign-in").hidden = false;
  $("sign-out").hidden = true;
  $("users").hidden = $("profile").hidden = true;
  $("who").textContent = "";
  if (clearStatus) status("Signed out.");
}

async function listUsers() {
  const listed = await attempt(() => api.users());
  if (!listed) return;
  $("users").hidden = false;
  $("user-list").replaceChildren(...listed.users.map((summary) => el("li", {},
    el("button", { "data-user": summary.user, onclick: () => openUser(summary.user) },
      summary.user), ` ${summary.events} events`)));
  if (listed.users.length === 0) $("user-list").append(el("li", {}, "No users yet."));
}

// What a user with no data yet sees of themselves.
function nothingAbout(name) {
  return { summary: { user: name, events: 0 }, facts: [], events: [], forbidden: [], audit: [] };
}

async function openUser(name) {
  const view = await attempt(() => api.view(name).catch((error) => {
    if (me.user && error.code === "unknown_user") return nothingAbout(name);
    throw error;
  }));
  if (!view) return;
  user = name;
  $("profile").hidden = false;
  $("forget-confirm").hidden = true;
  $("profile-title").textContent = me.user ? "What Rapport knows about you" : `User ${name}`;
  const current = view.facts.filter((f) => !f.valid_to).length;
  $("profile-summary").textContent = `${view.summary.events} events · ${current} current facts`
    + (view.forbidden.length ? ` · never learned: ${view.forbidden.join(", ")}` : "");
  renderProfile($("facets"), view, factActions);
  renderActivity($("activity"), view.audit);
  return view;
}

// Each action reloads the profile, then reports, so a status line means the page is current.
async function act(work, done) {
  const result = await attempt(work);
  if (result === undefined) return;
  await openUser(user);
  status(typeof done === "function" ? done(result) : done);
}

const factActions = {
  edit: (fact, value) => act(() => api.changeFact(user, fact.id, { value }),
    `Changed “${fact.value}” to “${value}”.`),
  pin: (fact, pinned) => act(() => api.changeFact(user, fact.id, { pinned }),
    `${pinned ? "Pinned" : "Unpinned"} “${fact.value}”.`),
  remove: (fact) => act(() => api.deleteFact(user, fact.id).then(() => true),
    `Deleted “${fact.value}”; it will not be learned again.`),
};

async function exportJson() {
  const exported = await attempt(() => api.export(user));
  if (!exported) return;
  const blob = new Blob([JSON.stringify(exported, null, 2)], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `rapport-${user}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  status(`Exported ${exported.facts.length} facts and ${exported.events.length} events.`);
}

async function forget() {
  const gone = await attempt(() => api.forget(user).then(() => true));
  if (!gone) return;
  const name = user;
  user = null;
  $("profile").hidden = true;
  status(`Deleted everything about ${me.user ? "you" : name}.`);
  if (!me.user) await listUsers();
}

function setUp() {
  const options = [...FACETS.map(([name, title]) => [name, title]),
    ...SENSITIVE.map((name) => [name, `Sensitive: ${name.replace("_", " ")}`])];
  $("forbid-category").replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
  $("sign-in").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn($("key").value.trim());
  });
  $("sign-out").addEventListener("click", () => signOut());
  $("export").addEventListener("click", exportJson);
  $("forbid").addEventListener("click", () => {
    const category = $("forbid-category").value;
    act(() => api.forbid(user, category),
      (r) => `Forbade ${category}: ${r.removed} fact${r.removed === 1 ? "" : "s"} removed.`);
  });
  $("forget").addEventListener("click", () => {
    $("forget-name").textContent = user;
    $("forget-confirm").hidden = false;
  });
  $("forget-no").addEventListener("click", () => { $("forget-confirm").hidden = true; });
  $("forget-yes").addEventListener("click", forget);
  // A link can carry the key in its fragment, which browsers never send to a server.
  const fragment = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fragment) history.replaceState(null, "", location.pathname);
  const key = fragment || sessionStorage.getItem(KEY);
  if (key) signIn(key);
}

setUp();
