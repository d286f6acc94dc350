// The confirmation asked before a table is deleted: a modal <dialog> (the browser keeps the focus
// inside it, Escape cancels, and the focus goes back to where it was) in which the table's name must
// be typed before Delete can be pressed. Cancelling sends nothing.

import { h, field } from "./ui.js";

/** Asks to confirm deleting table `name`; resolves to true only when it was confirmed. */
export function confirmDelete(name) {
  const typed = h("input", { spellcheck: "false", autocomplete: "off" });
  const remove = h("button", { type: "submit", class: "danger", value: "delete", disabled: true }, "Delete");
  const cancel = h("button", { type: "button", value: "cancel" }, "Cancel");
  const title = h("h2", { id: "confirm-delete-title" }, `Delete table ${name}?`);
  const form = h(
    "form",
    { class: "form" },
    title,
    h("p", { id: "confirm-delete-text" }, "This deletes the table and all its items. It cannot be undone."),
    field(`Type ${name} to confirm`, typed),
    h("div", { class: "actions" }, remove, cancel),
  );
  const dialog = h(
    "dialog",
    { class: "confirm", "aria-labelledby": "confirm-delete-title", "aria-describedby": "confirm-delete-text" },
    form,
  );
  typed.addEventListener("input", () => {
    remove.disabled = typed.value !== name;
  });
  cancel.addEventListener("click", () => dialog.close("cancel"));
  // Handled here rather than by method="dialog", which the page's CSP (form-action 'none') may refuse.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (typed.value === name) dialog.close("delete");
  });
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      // Escape closes with an empty returnValue; only the enabled Delete button says "delete".
      resolve(dialog.returnValue === "delete" && typed.value === name);
      dialog.remove();
    });
    dialog.showModal();
    typed.focus();
  });
}
