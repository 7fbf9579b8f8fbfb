// Large-font (适老化) mode, remembered in a cookie so the server renders it without a flash.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('font-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var on = !document.documentElement.classList.contains('large-font');
      document.documentElement.classList.toggle('large-font', on);
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      var state = toggle.querySelector('.font-state');
      if (state) { state.textContent = on ? '：已开启' : '：已关闭'; }
      var hint = document.getElementById('font-hint');
      if (hint) {
        hint.textContent = on ? '再按一次恢复标准字号' : '按此按钮放大全站文字';
        hint.classList.toggle('visually-hidden', !on);
      }
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

  // On a phone the signed-in navigation folds behind 菜单; Escape closes it and gives the focus back.
  var menuButton = document.getElementById('nav-toggle');
  var menu = document.getElementById('site-menu');
  if (menuButton && menu) {
    var setOpen = function (open) {
      menu.classList.toggle('open', open);
      menuButton.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    menuButton.addEventListener('click', function () {
      setOpen(menuButton.getAttribute('aria-expanded') !== 'true');
    });
    menu.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && menu.classList.contains('open')) {
        setOpen(false);
        menuButton.focus();
      }
    });
  }

  cardTables(document);
  document.querySelectorAll('[data-form-table]').forEach(formTable);

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
  document.body.addEventListener('htmx:afterSettle', function (e) { cardTables(e.target); });
});

// Tables of three or more columns can be shown as cards on a phone (the CSS for table.cards): each cell gets its
// column's header as data-label, and explicit roles keep the table a table for screen readers once CSS has
// changed how it is displayed. A table marked .no-cards (or a report that scrolls instead) is left alone.
function cardTables(root) {
  var tables = root.querySelectorAll ? root.querySelectorAll('table') : [];
  Array.prototype.forEach.call(tables, function (table) {
    if (table.classList.contains('cards') || table.classList.contains('no-cards')
        || table.classList.contains('report-table') || !table.tHead || table.tFoot || table.querySelector('table')) {
      return;
    }
    var headRow = table.tHead.rows[table.tHead.rows.length - 1];
    if (!headRow) { return; }
    var labels = [];
    Array.prototype.forEach.call(headRow.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i++) { labels.push(cell.textContent.trim()); }
    });
    if (labels.length < 3) { return; }
    table.setAttribute('role', 'table');
    Array.prototype.forEach.call(table.tHead.rows, function (row) {
      row.setAttribute('role', 'row');
      Array.prototype.forEach.call(row.cells, function (cell) { cell.setAttribute('role', 'columnheader'); });
    });
    table.tHead.setAttribute('role', 'rowgroup');
    Array.prototype.forEach.call(table.tBodies, function (body) {
      body.setAttribute('role', 'rowgroup');
      Array.prototype.forEach.call(body.rows, function (row) {
        row.setAttribute('role', 'row');
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var span = cell.colSpan || 1;
          cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
          if (!cell.textContent.trim() && !cell.querySelector('input, select, textarea, button, img, svg')) {
            cell.classList.add('cell-empty');
          }
          if (span === 1 && labels[column] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', labels[column]);
          }
          column += span;
        });
      });
    });
    table.classList.add('cards');
  });
}

// A table field of an application form (a staff or equipment list): buttons to add and remove rows, each a real
// button reachable by keyboard, the change announced. Without script the page offers a fixed number of blank rows.
function formTable(fieldset) {
  var body = fieldset.querySelector('tbody');
  var add = fieldset.querySelector('[data-add-row]');
  var status = fieldset.querySelector('[data-row-status]');
  var name = fieldset.getAttribute('data-name');
  var max = parseInt(fieldset.getAttribute('data-max-rows'), 10) || 200;
  fieldset.querySelectorAll('.form-table-action').forEach(function (el) { el.hidden = false; });
  var note = fieldset.querySelector('[data-no-script-rows]');
  if (note) { note.textContent = '整行留空的不会保存。'; }
  add.hidden = false;
  function renumber() {
    Array.prototype.forEach.call(body.rows, function (row, i) {
      row.querySelector('[data-row-number]').textContent = String(i + 1);
      row.querySelectorAll('[data-cell]').forEach(function (cell) {
        var column = cell.getAttribute('data-column');
        cell.name = 'form.' + name + '[' + i + '].' + column;
        cell.id = 'form-' + name + '-' + i + '-' + column;
        cell.setAttribute('aria-label', '第 ' + (i + 1) + ' 行 ' + cell.getAttribute('data-column-label'));
      });
      row.querySelector('[data-remove-row]').textContent = '删除第 ' + (i + 1) + ' 行';
    });
    add.disabled = body.rows.length >= max;
  }
  add.addEventListener('click', function () {
    if (body.rows.length >= max) { return; }
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    row.querySelectorAll('[data-cell]').forEach(function (cell) {
      cell.value = '';
      cell.removeAttribute('aria-invalid');
      cell.removeAttribute('aria-describedby');
    });
    row.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
    body.appendChild(row);
    renumber();
    status.textContent = '已增加第 ' + body.rows.length + ' 行。';
    row.querySelector('[data-cell]').focus();
  });
  body.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-remove-row]');
    if (!button) { return; }
    var row = button.closest('tr');
    var index = Array.prototype.indexOf.call(body.rows, row);
    if (body.rows.length === 1) {
      row.querySelectorAll('[data-cell]').forEach(function (cell) { cell.value = ''; });
    } else {
      row.remove();
    }
    renumber();
    status.textContent = '已删除第 ' + (index + 1) + ' 行。';
    var next = body.rows[Math.min(index, body.rows.length - 1)];
    (next ? next.querySelector('[data-remove-row]') : add).focus();
  });
  renumber();
}
