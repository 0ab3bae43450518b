// Progressive enhancement for forms; everything works without it.
// A text field with a limit counts down while typing ("Nog 12 tekens" / "3 tekens te veel");
// the hint's text is replaced, and screen readers hear it only once the limit is near.
(function () {
  "use strict";
  var lang = document.documentElement.lang === "en" ? "en" : "nl";
  var words = {
    nl: { left: "Nog {n} tekens.", over: "{n} tekens te veel." },
    en: { left: "{n} characters left.", over: "{n} characters too many." }
  }[lang];

  function update(field, hint) {
    var limit = parseInt(field.getAttribute("data-limit"), 10);
    var left = limit - field.value.length;
    hint.textContent = (left >= 0 ? words.left : words.over).replace("{n}", Math.abs(left));
    hint.setAttribute("aria-live", left < 20 ? "polite" : "off");
    hint.classList.toggle("samenspel-limit--over", left < 0);
  }

  document.querySelectorAll("[data-limit-for]").forEach(function (hint) {
    var field = document.getElementById(hint.getAttribute("data-limit-for"));
    if (!field) return;
    update(field, hint);
    field.addEventListener("input", function () { update(field, hint); });
  });
})();

// The header's menu panel is a <details> that CSS shows open on wide screens
// (::details-content). Browsers without that pseudo-element get the panel opened here.
(function () {
  "use strict";
  var menu = document.querySelector(".samenspel-menu");
  if (!menu || CSS.supports("selector(::details-content)")) return;
  var wide = window.matchMedia("(min-width: 64rem)");
  function follow() { menu.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
})();
