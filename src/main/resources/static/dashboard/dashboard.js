// The marketer's dashboard: reads /api/stats/flows with the session of /dashboard/login.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const funnel = echarts.init($('funnel'));
  const series = echarts.init($('series'));
  const viewer = new BpmnJS({ container: '#diagram' });
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const percent = (x) => (100 * x).toFixed(1) + ' %';
  const money = (x) => Number(x || 0).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  let flows = [];
  let current = null;

  const today = new Date();
  $('to').value = today.toISOString().slice(0, 10);
  $('from').value = new Date(today.getTime() - 29 * 86400000).toISOString().slice(0, 10);

  async function get(path, accept) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept || 'application/json' } });
    if (response.status === 401 || response.redirected) {
      location.href = '/dashboard/login';
      throw new Error('signed out');
    }
    return response;
  }

  // the sign-out form is static; its CSRF token comes from the session
  get('/dashboard/csrf').then((r) => r.json()).then((csrf) => {
    $('csrf').name = csrf.parameterName;
    $('csrf').value = csrf.token;
  });

  function range() {
    return '?from=' + $('from').value + '&to=' + $('to').value;
  }

  async function load() {
    flows = await (await get('/api/stats/flows' + range())).json();
    const select = $('flow');
    select.innerHTML = flows.map((f) => `<option value="${esc(f.key)}">${esc(f.key)}</option>`).join('');
    if (current && flows.some((f) => f.key === current)) {
      select.value = current;
    }
    overview();
    if (flows.length) {
      await show(select.value);
    }
    document.body.dataset.loaded = 'true';
  }

  function overview() {
    $('overview').innerHTML = flows.map((f) => `
      <div class="flow${f.key === current ? ' selected' : ''}" data-key="${esc(f.key)}">
        <b>${esc(f.key)}</b>${f.sent} sent · ${f.converted} orders<br>revenue ${money(f.revenue)}</div>`).join('');
    document.querySelectorAll('#overview .flow').forEach((el) => el.addEventListener('click', () => {
      $('flow').value = el.dataset.key;
      show(el.dataset.key);
    }));
  }

  async function show(key) {
    current = key;
    overview();
    const flow = flows.find((f) => f.key === key);
    funnel.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{
        type: 'funnel', left: '5%', width: '62%', sort: 'none', label: { formatter: '{b}: {c}' },
        data: [
          { name: 'Entered', value: flow.entered }, { name: 'Sent', value: flow.sent },
          { name: 'Delivered', value: flow.delivered }, { name: 'Opened', value: flow.opened },
          { name: 'Clicked', value: flow.clicked }, { name: 'Converted', value: flow.converted }]
      }]
    }, true);
    series.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['Sent', 'Revenue'] },
      xAxis: { type: 'category', data: flow.days.map((d) => d.day) },
      yAxis: [{ type: 'value', name: 'sent' }, { type: 'value', name: 'revenue' }],
      series: [
        { name: 'Sent', type: 'bar', data: flow.days.map((d) => d.sent) },
        { name: 'Revenue', type: 'line', yAxisIndex: 1, data: flow.days.map((d) => Number(d.revenue)) }]
    }, true);
    $('steps').querySelector('tbody').innerHTML = flow.steps.map((s) => `
      <tr><td>${esc(s.step)}</td><td>${esc(s.variant)}</td><td>${s.entered}</td><td>${s.sent}</td>
        <td title="${esc(Object.entries(s.skippedBy).map(([r, n]) => r + ': ' + n).join('\n'))}">${s.skipped}</td>
        <td>${s.delivered}</td><td>${s.opened}</td><td>${s.appleOpens}</td><td>${s.clicked}</td><td>${s.converted}</td>
        <td>${money(s.revenue)}</td><td>${percent(s.rates.opened)}</td><td>${percent(s.rates.clicked)}</td>
        <td>${percent(s.rates.converted)}</td></tr>`).join('');
    $('variants').innerHTML = flow.variants.length < 2 ? '' : '<h2>Split test</h2><table><tr><th>Variant</th>'
      + '<th>Customers</th><th>Converted</th><th>Conversion</th><th>p-value vs ' + esc(flow.variants[0].variant) + '</th></tr>'
      + flow.variants.map((v) => `<tr><td>${esc(v.variant)}${flow.winner === v.variant ? ' (winner)' : ''}</td>
        <td>${v.customers}</td><td>${v.conversions}</td><td>${percent(v.conversionRate)}</td>
        <td>${v.pValue == null ? '' : v.pValue.toFixed(4)}</td></tr>`).join('') + '</table>';
    await diagram(flow);
  }

  async function diagram(flow) {
    const xml = await (await get('/api/stats/flows/' + encodeURIComponent(flow.key) + '/diagram', 'application/xml')).text();
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');
    const byStep = {};
    flow.steps.forEach((s) => {
      const step = byStep[s.step] || (byStep[s.step] = { delivered: 0, converted: 0 });
      step.delivered += s.delivered;
      step.converted += s.converted;
    });
    Object.entries(byStep).forEach(([id, s]) => {
      const rate = s.delivered ? s.converted / s.delivered : 0;
      try {
        canvas.addMarker(id, rate >= 0.05 ? 'rate-high' : rate >= 0.01 ? 'rate-mid' : 'rate-low');
        overlays.add(id, { position: { bottom: 0, right: 0 }, html: `<div class="conversion">${percent(rate)}</div>` });
      } catch (e) {
        // a step of an older version of the flow is not in the newest diagram
      }
    });
    document.body.dataset.diagram = 'true';
  }

  $('flow').addEventListener('change', (e) => show(e.target.value));
  $('from').addEventListener('change', load);
  $('to').addEventListener('change', load);
  window.addEventListener('resize', () => { funnel.resize(); series.resize(); });
  load();
}());
