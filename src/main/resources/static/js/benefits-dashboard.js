// The 12-week trend of each programme as a line chart, drawn from the trend table itself (which stays for screen
// readers, for printing and without scripts).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var colours = ['#0b4f9c', '#8a5300', '#1b6e3a'];
  var charts = [];
  document.querySelectorAll('table.trend').forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent; }).slice(1);
    var weeks = [];
    var series = names.map(function (name, i) { return { name: name, type: 'line', data: [], itemStyle: { color: colours[i] } }; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      weeks.push(row.querySelector('th').textContent);
      row.querySelectorAll('td').forEach(function (td, i) { series[i].data.push(Number(td.textContent)); });
    });
    var box = document.createElement('div');
    box.className = 'chart';
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', table.querySelector('caption').textContent + '折线图（数据见下表）');
    table.parentNode.insertBefore(box, table);
    var chart = echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: names },
      grid: { left: 10, right: 20, containLabel: true },
      xAxis: { type: 'category', data: weeks, name: '周（起）', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', minInterval: 1, name: '人数' },
      series: series
    });
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
});
