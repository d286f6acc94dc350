// The console's entry: finds out whether the server takes any key or asks for one (by asking it,
// through ListTables), signs in when it must, and shows the view the URL's fragment names:
// #/tables[/NAME], #/items[/NAME], #/capacity, #/streams[/NAME].

import { Api, isRefusal } from "./api.js";
import { canSign } from "./sigv4.js";
import * as tables from "./tables.js";
import * as items from "./items.js";
import * as capacity from "./capacity.js";
import * as streams from "./streams.js";

const VIEWS = { tables, items, capacity, streams };

const api = new Api();
const view = document.getElementById("view");
const signIn = document.getElementById("sign-in");
const signInForm = document.getElementById("sign-in-form");
const signInError = document.getElementById("sign-in-error");
const signOut = document.getElementById("sign-out");
const who = document.getElementById("who");

/** Stops what the current view runs in the background (polling). */
let unmount = null;

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const key = VIEWS[name] ? name : "tables";
  return { key, param: rest.length ? decodeURIComponent(rest.join("/")) : null };
}

async function show() {
  if (unmount) unmount();
  unmount = null;
  const { key, param } = route();
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === key) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  // Each view gets a fresh container: one still loading when the user moves on writes into a
  // detached element, and is stopped once it is mounted.
  const container = document.createElement("div");
  view.replaceChildren(container);
  const stop = (await VIEWS[key].mount(container, api, param)) ?? null;
  if (!container.isConnected) {
    if (stop) stop();
    return;
  }
  unmount = stop;
  container.querySelector(".view-title")?.focus({ preventScroll: true });
}

function showSignIn(error) {
  view.replaceChildren();
  signIn.hidden = false;
  signInError.textContent = error ? String(error) : "";
  document.getElementById("sign-in-region").value ||= api.region;
  document.getElementById("sign-in-key").focus();
}

signInForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(signInForm);
  api.signIn(data.get("key").trim(), data.get("secret"), data.get("region").trim());
  try {
    await api.dynamodb("ListTables", { Limit: 1 });
  } catch (error) {
    api.signOut();
    signInError.textContent = String(error);
    return;
  }
  signIn.hidden = true;
  signInForm.reset();
  who.textContent = `Signed in as ${api.credentials.accessKeyId}`;
  signOut.hidden = false;
  await show();
});

signOut.addEventListener("click", () => {
  api.signOut();
  if (unmount) unmount();
  unmount = null;
  who.textContent = "";
  signOut.hidden = true;
  showSignIn();
});

// The skip link moves the focus to the view; followed as a link, its `#main` would be a route.
document.querySelector(".skip").addEventListener("click", (event) => {
  event.preventDefault();
  (view.querySelector(".view-title") ?? document.getElementById("main")).focus();
});

async function start() {
  document.getElementById("insecure").hidden = canSign();
  // A view that changed what it shows (a stream enabled) asks to be shown again.
  for (const event of ["hashchange", "console-reload"]) {
    window.addEventListener(event, () => {
      if (signIn.hidden) show();
    });
  }
  await api.discoverRegion();
  try {
    await api.dynamodb("ListTables", { Limit: 1 });
  } catch (error) {
    if (isRefusal(error)) {
      showSignIn();
      return;
    }
    // Any other error is the view's to show.
  }
  await show();
}

start();
