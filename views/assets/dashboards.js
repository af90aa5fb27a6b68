/*
 * Draws the dashboards' charts with Chart.js (served by the app, /assets/vendor/chart.umd.js) from the figures
 * the page carries as JSON. Each chart's figures are also in a table beside it, for screen readers and for
 * anyone who prefers numbers; the canvases only repeat them. Without JavaScript, the tables remain.
 */
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof window.Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var rtl = document.documentElement.dir === 'rtl';
  var ink = '#1d2a36';
  var palette = ['#1f5f99', '#2e7d4f', '#8a5a00', '#7a3e9d', '#a33a3a'];
  window.Chart.defaults.color = ink;
  window.Chart.defaults.font.size = 13;
  window.Chart.defaults.animation = false;

  function draw(id, type, labels, datasets, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new window.Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1, rtl: rtl }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl && !horizontal, beginAtZero: true }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
  function series(chart, color) {
    return [{ label: chart.name, data: chart.values, backgroundColor: color, borderColor: color }];
  }

  draw('chart-perDay', 'bar', data.perDay.labels, series(data.perDay, palette[0]));
  draw('chart-funnel', 'bar', data.funnel.labels, series(data.funnel, palette[1]), true);
  draw('chart-stages', 'bar', data.stages.labels, series(data.stages, palette[2]));
  draw('chart-reasons', 'bar', data.reasons.labels, series(data.reasons, palette[4]), true);
  data.amounts.forEach(function (row, index) {
    draw('chart-amounts-' + index, 'bar', row.labels, [
      { label: row.currency, data: row.values, backgroundColor: palette, borderColor: palette },
    ]);
  });
})();
