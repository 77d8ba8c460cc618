// Material's search reads the search box when a key is released. Text that arrives with no key
// released (pasted with the mouse, dropped, dictated, filled in by the browser) would find nothing,
// so each change to the box that no key made is announced as a released key. While an input
// method composes, the change waits: its commit is a change of its own.
document.addEventListener("input", event => {
  const box = event.target
  if (box instanceof HTMLInputElement && box.matches(".md-search__input") && !event.isComposing)
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
})
