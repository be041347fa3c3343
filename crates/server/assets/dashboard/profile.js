// Renders a user's export (facts with history, events, settings) grouped by facet, with the
// actions on each current fact.

import { el, when } from "./dom.js";

export const FACETS = [
  ["identity", "Identity"],
  ["preference", "Preferences"],
  ["interest", "Interests"],
  ["goal", "Goals and plans"],
  ["routine", "Routines"],
  ["possession", "Possessions and pets"],
  ["relationship", "People in their life"],
  ["personality", "Personality and style"],
  ["other", "Other things they said"],
];

export const SENSITIVE = [
  "health", "religion", "sexuality", "politics", "ethnicity", "precise_location", "finances",
];

// `view` has `facts` (with history) and `events`; `actions` has edit(fact, value),
// pin(fact, pinned) and remove(fact), each returning a promise.
export function renderProfile(container, view, actions) {
  const events = new Map(view.events.map((e) => [e.id, e]));
  const byId = new Map(view.facts.map((f) => [f.id, f]));
  container.replaceChildren();
  let shown = 0;
  for (const [facet, title] of FACETS) {
    const facts = view.facts.filter((f) => f.facet === facet);
    if (facts.length === 0) continue;
    const current = facts.filter((f) => !f.valid_to);
    const past = facts.filter((f) => f.valid_to);
    shown += facts.length;
    container.append(el("section", { class: "facet", "data-facet": facet },
      el("h3", {}, title),
      current.length ? el("ul", { class: "facts" }, current.map((f) => factCard(f, events, actions)))
        : el("p", { class: "empty" }, "Nothing current."),
      past.length ? history(past, byId, events) : null));
  }
  if (shown === 0) container.append(el("p", { class: "empty" }, "Nothing learned about this user."));
}

function factCard(fact, events, actions) {
  const editor = el("form", { class: "editor", hidden: true },
    el("input", { name: "value", value: fact.value, "aria-label": "New value" }),
    el("button", { type: "submit", "data-action": "save" }, "Save"),
    el("button", { type: "button", "data-action": "cancel",
      onclick: () => { editor.hidden = true; } }, "Cancel"));
  editor.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = editor.elements.value.value.trim();
    if (value) actions.edit(fact, value);
  });
  return el("li", { class: `fact source-${fact.source}`, "data-fact": fact.id, "data-key": fact.key },
    el("div", { class: "head" },
      el("span", { class: "value" }, fact.polarity === "negative" ? `not ${fact.value}` : fact.value),
      el("span", { class: `source source-${fact.source}`, title: sourceHelp(fact.source) }, fact.source),
      confidence(fact.confidence),
      fact.pinned ? el("span", { class: "badge pinned" }, "pinned") : null,
      fact.sensitivity !== "none" ? el("span", { class: "badge sensitive" }, fact.sensitivity.replace("_", " ")) : null),
    el("p", { class: "statement" }, fact.description || fact.statement),
    el("p", { class: "meta" }, `${fact.key} · ${fact.key.startsWith("past:") ? "said" : "since"} ${when(fact.valid_from)} · last seen ${when(fact.last_seen)}`),
    evidence(fact, events),
    el("div", { class: "actions" },
      el("button", { "data-action": "edit", onclick: () => { editor.hidden = false; editor.elements.value.focus(); } }, "Edit"),
      el("button", { "data-action": "pin", onclick: () => actions.pin(fact, !fact.pinned) }, fact.pinned ? "Unpin" : "Pin"),
      el("button", { "data-action": "delete", class: "danger", onclick: () => actions.remove(fact) }, "Delete")),
    editor);
}

function sourceHelp(source) {
  return {
    stated: "The user said this about themselves.",
    inferred: "Rapport concluded this; the user never said it.",
    edited: "Set by hand; it wins over anything learned.",
  }[source] || source;
}

function confidence(value) {
  const percent = Math.round(value * 100);
  return el("span", { class: "confidence", title: "confidence" },
    el("meter", { min: 0, max: 1, value }), ` ${percent}%`);
}

function evidence(fact, events) {
  if (!fact.evidence.length) return el("p", { class: "meta" }, "No evidence kept (set by hand).");
  return el("details", { class: "evidence" },
    el("summary", {}, `Evidence: ${fact.evidence.length} message${fact.evidence.length > 1 ? "s" : ""}`),
    el("ul", {}, fact.evidence.map((id) => {
      const event = events.get(id);
      if (!event) return el("li", {}, `event ${id} (no longer held)`);
      return el("li", { "data-event": id },
        el("time", { datetime: event.time }, when(event.time)), " ", eventText(event));
    })));
}

function eventText(event) {
  const body = event.body || {};
  if (body.text) return `“${body.text}”`;
  if (body.verb) return `${body.verb} ${body.item || ""}`.trim();
  return body.type || "";
}

function history(past, byId, events) {
  return el("details", { class: "history" },
    el("summary", {}, `History: ${past.length} earlier fact${past.length > 1 ? "s" : ""}`),
    el("ul", {}, past.map((f) => {
      const next = f.superseded_by != null ? byId.get(f.superseded_by) : null;
      const ended = f.ended_by ? events.get(f.ended_by) : null;
      return el("li", { class: "past", "data-fact": f.id },
        el("span", { class: "value" }, f.value), " ",
        el("span", { class: `source source-${f.source}` }, f.source), " ",
        `${when(f.valid_from)} → ${when(f.valid_to)}`,
        next ? ` · replaced by “${next.value}”` : "",
        f.change_reason ? ` · ${f.change_reason}` : "",
        ended && ended.body && ended.body.text ? ` (“${ended.body.text}”)` : "",
        el("ul", { class: "said" }, f.evidence.map((id) => events.get(id)).filter(Boolean)
          .map((e) => el("li", {}, el("time", { datetime: e.time }, when(e.time)), " ", eventText(e)))));
    })));
}

// The audit entries about the user, newest first: who did what kind of thing, when (no content).
export function renderActivity(container, entries) {
  container.replaceChildren(el("h3", {}, "Activity"),
    entries.length ? el("ul", {}, entries.map((entry) => el("li", { "data-audit": entry.action },
      el("time", { datetime: entry.time }, when(entry.time)), ` ${entry.action}`,
      entry.detail ? ` (${entry.detail})` : "", ` by ${entry.actor}`)))
      : el("p", { class: "empty" }, "No edits, exports or deletions yet."));
}
