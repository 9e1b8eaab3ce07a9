// Material for MkDocs 9.8 (MIT licence): the theme's inline script, kept in a file so that a
// Content-Security-Policy can forbid inline scripts. See macros/theme/partials/javascripts/.
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.mdBase,location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
