// Large-font (适老化) mode, remembered in a cookie so the server renders it without a flash.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('font-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var on = !document.documentElement.classList.contains('large-font');
      document.documentElement.classList.toggle('large-font', on);
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      document.cookie = 'tb-font=' + (on ? 'large' : 'normal') + '; path=/; max-age=31536000; SameSite=Lax';
    });
  }
  // The window's applicant kind shows only that kind's fields (without script both show, and the server reads
  // only the chosen kind's).
  function showKind(kind) {
    document.querySelectorAll('[data-kind-fields]').forEach(function (group) {
      group.hidden = group.getAttribute('data-kind-fields') !== kind;
    });
  }
  document.querySelectorAll('[data-kind-switch] input[type=radio]').forEach(function (radio) {
    if (radio.checked) { showKind(radio.value); }
    radio.addEventListener('change', function () { showKind(radio.value); });
  });
  // htmx requests carry the CSRF token like forms do.
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });
  // "too many requests" comes with a message in the fragment: show it like an answer
  document.body.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.xhr.status === 429) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });
});
