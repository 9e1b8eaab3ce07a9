// Narrow a long list (tasks, indicators, projects) by its sections (line of work, health, stage)
// and by columns named on its container (unit, leader, status…). Every row is in the page without
// this script; it only adds the controls and hides what does not match. Plain DOM, nothing loaded
// from outside: it works offline and from file://.
(function () {
  var COUNT_SUFFIX = /（\d+\s*[项个]）$/;

  function text(node) {
    return node ? (node.textContent || "").replace(/[\u200b¶]/g, "").replace(/\s+/g, " ").trim() : "";
  }

  function select(form, name, label, values) {
    var field = document.createElement("label");
    field.textContent = label;
    var box = document.createElement("select");
    box.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "全部";
    box.appendChild(all);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      box.appendChild(option);
    });
    field.appendChild(box);
    form.appendChild(field);
  }

  function sectionsOf(container) {
    var sections = [];
    var current = null;
    Array.prototype.forEach.call(container.children, function (child) {
      if (child.tagName === "H2") {
        current = { title: text(child).replace(COUNT_SUFFIX, ""), nodes: [child], rows: [] };
        sections.push(current);
      } else if (current) {
        current.nodes.push(child);
      }
    });
    sections.forEach(function (section) {
      section.nodes.forEach(function (node) {
        Array.prototype.forEach.call(node.querySelectorAll("table[data-cards] tbody tr"), function (row) {
          section.rows.push(row);
        });
      });
    });
    return sections;
  }

  function setUp(container) {
    if (container.dataset.ready) return;
    container.dataset.ready = "1";
    var sections = sectionsOf(container);
    var rows = [];
    sections.forEach(function (section) { rows = rows.concat(section.rows); });
    // The names come from the docs page, the headings from the templates (tests/test_list_filter.py
    // checks them against each other); say so when they part, rather than offer less without a word.
    if (!sections.length) console.warn("list-filter: no h2 sections in this list, nothing to filter", container);
    if (!rows.length) return;
    // Each named column's values, as its cells read; a column with a single value gives no choice.
    var values = {};
    var columns = (container.dataset.filterColumns || "").split(",").filter(Boolean).filter(function (column) {
      var seen = {};
      rows.forEach(function (row) {
        var cell = row.querySelector('td[data-label="' + column + '"]');
        if (cell) seen[text(cell)] = true;
      });
      if (!Object.keys(seen).length) console.warn("list-filter: no column “" + column + "” in this list (data-filter-columns)", container);
      values[column] = Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "zh-CN"); });
      return values[column].length > 1;
    });
    var form = document.createElement("form");
    form.className = "wr-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "筛选列表");
    if (container.dataset.filterSections && sections.length > 1) {
      select(form, "section", container.dataset.filterSections, sections.map(function (s) { return s.title; }));
    }
    columns.forEach(function (column) { select(form, column, column, values[column]); });
    var count = document.createElement("span");
    count.className = "wr-filter__count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);
    container.insertBefore(form, container.firstChild);

    function apply() {
      var chosenSection = form.elements.section ? form.elements.section.value : "";
      var narrowed = !!chosenSection;
      var shown = 0;
      columns.forEach(function (column) { if (form.elements[column].value) narrowed = true; });
      sections.forEach(function (section) {
        var inSection = !chosenSection || section.title === chosenSection;
        var shownHere = 0;
        section.rows.forEach(function (row) {
          var match = inSection && columns.every(function (column) {
            var wanted = form.elements[column].value;
            return !wanted || text(row.querySelector('td[data-label="' + column + '"]')) === wanted;
          });
          row.hidden = !match;
          if (match) shownHere += 1;
        });
        shown += shownHere;
        section.nodes.forEach(function (node) { node.hidden = !inSection || (narrowed && shownHere === 0); });
      });
      count.textContent = shown === rows.length ? "共 " + rows.length + " 项" : "显示 " + shown + " / " + rows.length + " 项";
    }
    form.addEventListener("change", apply);
    apply();
  }

  function init() {
    document.querySelectorAll(".wr-filterable").forEach(setUp);
  }
  window.wrReady(init);
})();
