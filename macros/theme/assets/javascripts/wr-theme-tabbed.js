// Material for MkDocs 9.8 (MIT licence): the theme's inline script, kept in a file so that a
// Content-Security-Policy can forbid inline scripts. See macros/theme/partials/javascripts/.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
