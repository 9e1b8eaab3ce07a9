// Material for MkDocs 9.8 (MIT licence): the theme's inline script, kept in a file so that a
// Content-Security-Policy can forbid inline scripts. See macros/theme/partials/javascripts/.
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
