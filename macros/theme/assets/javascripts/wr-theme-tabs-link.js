// Material for MkDocs 9.8 (MIT licence): the theme's inline script, kept in a file so that a
// Content-Security-Policy can forbid inline scripts. See macros/theme/partials/javascripts/.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
