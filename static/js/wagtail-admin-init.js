/* Wagtail's admin without inline scripts (issue 15: the admin's Content-Security-Policy no longer
 * allows 'unsafe-inline' scripts, so an injected one cannot run there).
 *
 * Wagtail 8 still starts a few things with an inline <script>: inline panels, multiple chooser
 * panels, the date, time and date-time fields, and the page, image, document and snippet
 * choosers (portal/people/admin_csp.py). The portal's copies of those templates
 * (portal/people/templates/wagtailadmin/: in an app, so that the form renderer finds
 * the widgets too) leave a marker instead, data-portal-init naming what to start and
 * data-portal-config its options, and this starts each one once: those in the page now, and
 * those added later (a new row in an inline panel, which may hold more of them). Loaded with
 * `defer` through the insert_global_admin_js hook, so Wagtail's own scripts are there first. */
(() => {
  "use strict";

  // Page, image, document and snippet choosers: their arguments, as Wagtail would pass them
  // (portal/people/admin_csp.py writes the marker).
  const construct = (name) => (element, args) => new window[name](...args);
  const START = {
    Chooser: construct("Chooser"),
    PageChooser: construct("PageChooser"),
    ImageChooser: construct("ImageChooser"),
    DocumentChooser: construct("DocumentChooser"),
    SnippetChooser: construct("SnippetChooser"),
    createTaskChooser: (element, args) => window.createTaskChooser(...args),
    InlinePanel: (element, config) => new window.InlinePanel(config),
    MultipleChooserPanel: (element, config) => new window.MultipleChooserPanel(config),
    initDateChooser: (element, config) => window.initDateChooser(element.id, config),
    initTimeChooser: (element, config) => window.initTimeChooser(element.id, config),
    initDateTimeChooser: (element, config) => window.initDateTimeChooser(element.id, config),
  };

  function startWithin(root) {
    const marked = Array.from(root.querySelectorAll("[data-portal-init]"));
    if (root.matches && root.matches("[data-portal-init]")) {
      marked.unshift(root);
    }
    // Document order, as the inline scripts ran: a nested panel before the one around it.
    for (const element of marked) {
      const start = START[element.dataset.portalInit];
      if (!start || element.dataset.portalStarted) {
        continue;
      }
      element.dataset.portalStarted = "1";
      start(element, JSON.parse(element.dataset.portalConfig));
    }
  }

  startWithin(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          startWithin(node);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
