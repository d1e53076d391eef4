// What WXT hands each site content script's `main` in place of its own ContentScriptContext
// (aliased in wxt.config.ts). WXT's announces every start to the page it runs in, as an event on
// `document` named with Kith's extension id: a site's scripts could listen for that name and learn
// that its visitor has Kith. Kith's content scripts use nothing the context offers (no timers,
// watchers or UI to stop when a newer copy starts; an orphaned copy's listener simply goes
// unanswered), so this one does nothing and tells the page nothing.
export class ContentScriptContext {}
