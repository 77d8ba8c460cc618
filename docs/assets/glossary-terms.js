// A glossary term reached by keyboard shows its expansion over the text around it (record.css).
// Escape puts the expansion away and leaves the focus on the term, as WCAG 2.2 asks of what shows
// on focus (1.4.13); it shows again when the term is next reached.
document.addEventListener("keydown", event => {
  const term = document.activeElement
  if (event.key === "Escape" && term instanceof HTMLElement && term.matches(".md-typeset abbr[title][tabindex]"))
    term.dataset.dismissed = ""
})
document.addEventListener("focusout", event => {
  if (event.target instanceof HTMLElement)
    delete event.target.dataset.dismissed
})
