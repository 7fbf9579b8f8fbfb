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
  function showCheckedKind() {
    var checked = document.querySelector('[data-kind-switch] input[type=radio]:checked');
    if (!checked) { return; }
    document.querySelectorAll('[data-kind-fields]').forEach(function (group) {
      group.hidden = group.getAttribute('data-kind-fields') !== checked.value;
    });
  }
  showCheckedKind();
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-kind-switch] input[type=radio]')) { showCheckedKind(); }
  });
  // Choosing an item from the window's list loads its form below, the picker keeping the focus.
  var picker = document.getElementById('window-item');
  if (picker && picker.list && window.htmx) {
    picker.addEventListener('input', function () {
      var value = picker.value;
      var listed = Array.prototype.some.call(picker.list.options, function (o) { return o.value === value; });
      if (!listed) { return; }
      var url = picker.form.action + '?item=' + encodeURIComponent(value);
      htmx.ajax('GET', url, {target: '#window-result', select: '#window-result', swap: 'outerHTML'}).then(function () {
        history.replaceState(null, '', url);
        showCheckedKind();
        var loaded = document.getElementById('window-loaded');
        var title = document.querySelector('#window-form h2');
        if (loaded && title) { loaded.textContent = '已载入“' + title.textContent + '”的收件表。'; }
      });
    });
  }
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
