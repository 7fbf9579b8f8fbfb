// The cockpit's charts: data from /api/reform/dashboard; a click drills down to the filtered task list.
document.addEventListener('DOMContentLoaded', function () {
  var anchor = document.getElementById('chart-status');
  if (!anchor || typeof echarts === 'undefined') { return; }
  var listUrl = anchor.getAttribute('data-list');
  var colours = { NOT_STARTED: '#4a4a4a', IN_PROGRESS: '#0b4f9c', COMPLETED: '#1b6e3a', DELAYED: '#8a5300' };

  function drill(params) { window.location.href = listUrl + '?' + params; }

  fetch(anchor.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      var status = echarts.init(anchor);
      status.setOption({
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['40%', '70%'],
          data: d.byStatus.map(function (s) {
            return { name: s.label, value: s.count, status: s.status, itemStyle: { color: colours[s.status] } };
          }) }]
      });
      status.on('click', function (p) { drill('status=' + p.data.status); });

      var division = echarts.init(document.getElementById('chart-division'));
      division.setOption({
        tooltip: { trigger: 'axis' }, legend: { data: ['已完成', '未完成'] },
        grid: { left: 10, right: 30, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, name: '任务数', nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', inverse: true, axisLabel: { width: 150, overflow: 'break', fontSize: 13 },
          data: d.byDivision.map(function (x) { return x.name; }) },
        series: [
          { name: '已完成', type: 'bar', stack: 't', itemStyle: { color: colours.COMPLETED },
            data: d.byDivision.map(function (x) { return x.completed; }) },
          { name: '未完成', type: 'bar', stack: 't', itemStyle: { color: colours.IN_PROGRESS },
            data: d.byDivision.map(function (x) { return x.total - x.completed; }) }]
      });
      division.on('click', function (p) { drill('division=' + encodeURIComponent(d.byDivision[p.dataIndex].code)); });

      var group = echarts.init(document.getElementById('chart-group'));
      group.setOption({
        tooltip: { trigger: 'axis' }, legend: { data: ['任务数', '平均进度(%)'] },
        grid: { left: 10, right: 10, bottom: 10, containLabel: true },
        // each group by its number and title, the title wrapped under the bar; the tooltip names it whole
        xAxis: { type: 'category', axisLabel: { interval: 0, width: 70, overflow: 'truncate', fontSize: 12 },
          data: d.byGroup.map(function (g) { return g.group + '. ' + g.title; }) },
        yAxis: [{ type: 'value', minInterval: 1, name: '任务数' }, { type: 'value', max: 100, name: '平均进度（%）' }],
        series: [
          { name: '任务数', type: 'bar', itemStyle: { color: colours.IN_PROGRESS }, data: d.byGroup.map(function (g) { return g.total; }) },
          { name: '平均进度(%)', type: 'line', yAxisIndex: 1, itemStyle: { color: colours.COMPLETED },
            data: d.byGroup.map(function (g) { return g.averageProgress; }) }]
      });
      group.on('click', function (p) { drill('group=' + d.byGroup[p.dataIndex].group); });
      window.addEventListener('resize', function () { status.resize(); division.resize(); group.resize(); });
    });
});
